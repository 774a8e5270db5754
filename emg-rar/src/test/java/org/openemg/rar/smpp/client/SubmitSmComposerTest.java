package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.Options;
import org.openemg.rar.api.OutgoingMessage;

class SubmitSmComposerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    private final SubmitSmComposer composer = new SubmitSmComposer(CLOCK);

    @Test
    void mapsAddressesTextAndFlags() throws Exception {
        SubmitSm sm = compose(Map.of("SOURCEADDR", "+4670111", "DESTADDR", "4670222", "MESSAGE", "hej",
                "PROTOCOLID", "64", "PRIORITY", "3", "DLR", "3", "VP", "3600", "DELTIME", "20260302123000"));

        assertEquals(7, sm.getSequenceNumber());
        assertEquals("4670111", sm.getSourceAddr());
        assertEquals(1, sm.getSourceAddrTon());
        assertEquals(1, sm.getSourceAddrNpi());
        assertEquals("4670222", sm.getDestAddress());
        assertEquals(0, sm.getDestAddrTon());
        assertEquals(1, sm.getDestAddrNpi());
        assertArrayEquals("hej".getBytes(StandardCharsets.ISO_8859_1), sm.getShortMessage());
        assertEquals(0, sm.getDataCoding());
        assertEquals(64, sm.getProtocolId());
        assertEquals(3, sm.getPriorityFlag());
        assertEquals(0x11, sm.getRegisteredDelivery(), "DLR=3: a final receipt and intermediate notifications");
        assertEquals("000000010000000R", sm.getValidityPeriod());
        assertNull(sm.getScheduleDeliveryTime(), "DELTIME is the gateway's to wait for, not the SMSC's");
    }

    @Test
    void defaultsLeaveTheSmscToDecide() throws Exception {
        SubmitSm sm = compose(Map.of("SOURCEADDR", "Shop", "DESTADDR", "+4670222", "MESSAGE", "\u65e5"));

        assertEquals(5, sm.getSourceAddrTon());
        assertEquals(0, sm.getSourceAddrNpi());
        assertEquals(0, sm.getRegisteredDelivery());
        assertEquals(0, sm.getPriorityFlag());
        assertNull(sm.getValidityPeriod());
        assertNull(sm.getScheduleDeliveryTime());
        assertEquals(8, sm.getDataCoding());
        assertArrayEquals("\u65e5".getBytes(StandardCharsets.UTF_16BE), sm.getShortMessage());
    }

    @Test
    void explicitTonAndNpiWin() throws Exception {
        SubmitSm sm = compose(Map.of("SOURCEADDR", "12345", "SOURCEADDRTON", "3", "SOURCEADDRNPI", "0",
                "DESTADDR", "070123", "DESTADDRTON", "2", "DESTADDRNPI", "9", "MESSAGE", "x", "DLR", "2"));

        assertEquals(3, sm.getSourceAddrTon());
        assertEquals(0, sm.getSourceAddrNpi());
        assertEquals(2, sm.getDestAddrTon());
        assertEquals(9, sm.getDestAddrNpi());
        assertEquals(0, sm.getRegisteredDelivery());
    }

    @ParameterizedTest
    @CsvSource({
            "59, 000000000059000R",
            "90061, 000001010101000R",
            "8639999, 000099235959000R",
            "8640000, 260609100000000+",
            "0, ",
            "20261231235959, 261231235959000+"})
    void validityPeriods(String option, String expected) {
        assertEquals(expected, new SmppTime(CLOCK).fromOption(option));
    }

    @Test
    void unsendableOptionsAreRejectedWithTheirStatus() {
        assertEquals(0x62, assertThrows(UnsendableMessageException.class,
                () -> compose(Map.of("DESTADDR", "1", "VP", "soon"))).commandStatus());
        assertEquals(0x0B, assertThrows(UnsendableMessageException.class,
                () -> compose(Map.of("DESTADDR", "123456789012345678901234"))).commandStatus());
        assertEquals(0x0A, assertThrows(UnsendableMessageException.class,
                () -> compose(Map.of("DESTADDR", "1", "SOURCEADDR", "123", "SOURCEADDRTON", "x"))).commandStatus());
        assertEquals(0x01, assertThrows(UnsendableMessageException.class, () -> composer.compose(7,
                new OutgoingMessage(1, Options.of(Map.of("DESTADDR", "1", "DCS", "0", "MESSAGE", "x".repeat(300))))))
                .commandStatus());
    }

    private SubmitSm compose(Map<String, String> options) throws Exception {
        byte[] pdu = composer.compose(7, new OutgoingMessage(1, StoredPart.of(Options.of(options))));
        return new DefaultDecomposer().submitSm(pdu);
    }
}
