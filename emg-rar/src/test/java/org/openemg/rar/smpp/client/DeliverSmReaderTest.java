package org.openemg.rar.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Options;
import org.openemg.core.text.Reassembler;

class DeliverSmReaderTest {

    private final MutableClock clock = new MutableClock();
    private final DeliverSmReader reader = new DeliverSmReader(new Reassembler(clock, Duration.ofSeconds(60)));

    @Test
    void receiptTakesIdAndStateFromItsTlvs() {
        DeliverSm sm = deliverSm(0x04, "id:FFFF sub:001 dlvrd:001 stat:UNDELIV err:000 text:x",
                new OptionalParameter.Receipted_message_id("0A1B"), new OptionalParameter.Message_state((byte) 2));

        Options receipt = reader.read(sm).orElseThrow();

        assertEquals("5", receipt.get("MSGTYPE"));
        assertEquals("0A1B", receipt.get("SMSCID"));
        assertEquals("DELIVERED", receipt.get("MESSAGESTATE"));
        assertNull(receipt.get("SMSCERROR"), "err:000 is no error");
        assertEquals("46700000001", receipt.get("SOURCEADDR"));
        assertEquals("4699", receipt.get("DESTADDR"));
    }

    @Test
    void receiptWithoutTlvsIsReadFromItsText() {
        Options receipt = reader.read(deliverSm(0x04, "id:12345 sub:001 dlvrd:000 submit date:2401010000"
                + " done date:2401010001 stat:UNDELIV err:001 text:hello")).orElseThrow();

        assertEquals("12345", receipt.get("SMSCID"));
        assertEquals("UNDELIVERABLE", receipt.get("MESSAGESTATE"));
        assertEquals("001", receipt.get("SMSCERROR"));
    }

    @Test
    void intermediateNotificationIsAReceiptToo() {
        Options receipt = reader.read(deliverSm(0x20, "id:7 stat:ENROUTE")).orElseThrow();

        assertEquals("5", receipt.get("MSGTYPE"));
        assertEquals("ENROUTE", receipt.get("MESSAGESTATE"));
    }

    @Test
    void receiptWithNeitherIdNorStateCarriesNeither() {
        Options receipt = reader.read(deliverSm(0x04, "nothing to read here")).orElseThrow();

        assertNull(receipt.get("SMSCID"));
        assertEquals("5", receipt.get("MSGTYPE"));
    }

    @Test
    void moTextIsDecodedByItsDataCoding() {
        DeliverSm sm = deliverSm(0x00, "");
        sm.setDataCoding((byte) 0x08);
        sm.setShortMessage("Hé €".getBytes(StandardCharsets.UTF_16BE));

        Options mo = reader.read(sm).orElseThrow();

        assertEquals("Hé €", mo.get("MESSAGE"));
        assertNull(mo.get("MSGTYPE"));
        assertEquals("46700000001", mo.get("SOURCEADDR"));
    }

    @Test
    void concatenatedMoIsHandedOverOnlyWhenWhole() {
        DeliverSm second = udhPart(2, "world");
        DeliverSm first = udhPart(1, "hello ");

        assertEquals(Optional.empty(), reader.read(second));
        Options whole = reader.read(first).orElseThrow();

        assertEquals("hello world", whole.get("MESSAGE"));
        assertNull(whole.get("UDH"), "the concatenation element is not passed on");
    }

    @Test
    void partsThatNeverCompleteAreReleasedAfterTheWait() {
        assertEquals(Optional.empty(), reader.read(udhPart(1, "half ")));
        assertTrue(reader.expired().isEmpty());

        clock.advance(Duration.ofSeconds(61));
        List<Options> released = reader.expired();

        assertEquals(1, released.size());
        assertEquals("half ", released.get(0).get("MESSAGE"));
    }

    private static DeliverSm udhPart(int seq, String text) {
        byte[] udh = {0x05, 0x00, 0x03, 0x2A, 0x02, (byte) seq};
        byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, data, 0, udh.length);
        System.arraycopy(body, 0, data, udh.length, body.length);
        DeliverSm sm = deliverSm(0x40, "");
        sm.setDataCoding((byte) 0x03);
        sm.setShortMessage(data);
        return sm;
    }

    private static DeliverSm deliverSm(int esmClass, String text, OptionalParameter... tlvs) {
        DeliverSm sm = new DeliverSm();
        sm.setEsmClass((byte) esmClass);
        sm.setSourceAddr("46700000001");
        sm.setDestAddress("4699");
        sm.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        sm.setOptionalParameters(tlvs);
        return sm;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
