package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

class DlrArrivalsTest {

    private static final long BASE = 46_700_000_000L;

    private static DeliverSm deliverSm(String source, byte esmClass, OptionalParameter... tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setSourceAddr(source);
        sm.setEsmClass(esmClass);
        sm.setOptionalParameters(tlvs);
        return sm;
    }

    @Test
    void aReceiptCountsForTheMessageItsSourceNamesWithTheFirstReceiptedId() {
        DlrArrivals dlrs = new DlrArrivals(BASE, 10);
        dlrs.accept(deliverSm("46700000003", (byte) 0x04, new OptionalParameter.Receipted_message_id("1000000000000042")));
        dlrs.accept(deliverSm("46700000003", (byte) 0x04, new OptionalParameter.Receipted_message_id("1000000000000043")));

        assertEquals(2, dlrs.count(3), "a repeated DLR counts again");
        assertEquals(1000000000000042L, dlrs.receiptedId(3), "the first one's id is kept");
        assertEquals(0, dlrs.count(4));
        assertEquals(2, dlrs.total());
    }

    @Test
    void anythingButAReceiptFromABenchDestinationIsUnexpected() {
        DlrArrivals dlrs = new DlrArrivals(BASE, 10);
        dlrs.accept(deliverSm("46700000003", (byte) 0x00));
        dlrs.accept(deliverSm("46700000010", (byte) 0x04));
        dlrs.accept(deliverSm("sender", (byte) 0x04));
        dlrs.accept(deliverSm("46700000001", (byte) 0x04));

        assertEquals(3, dlrs.unexpected());
        assertEquals(1, dlrs.count(1));
        assertEquals(0, dlrs.receiptedId(1), "no receipted_message_id");
    }
}
