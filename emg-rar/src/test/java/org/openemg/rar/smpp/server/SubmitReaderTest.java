package org.openemg.rar.smpp.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.openemg.core.message.Options;

class SubmitReaderTest {

    private static SubmitSm submit(int esmClass, int dataCoding, byte[] shortMessage) {
        SubmitSm sm = new SubmitSm();
        sm.setSourceAddr("Acme");
        sm.setSourceAddrTon((byte) 5);
        sm.setDestAddress("46701234567");
        sm.setDestAddrTon((byte) 1);
        sm.setDestAddrNpi((byte) 1);
        sm.setEsmClass((byte) esmClass);
        sm.setDataCoding((byte) dataCoding);
        sm.setShortMessage(shortMessage);
        return sm;
    }

    @Test
    void aHeaderGoesAsUdhAndTheTextAfterItAsMessage() throws Exception {
        byte[] data = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 'h', 'i'};

        Options options = SubmitReader.submitSm(submit(0x40, 0, data));

        assertEquals("0500032A0201", options.get("UDH"));
        assertEquals("hi", options.get("MESSAGE"));
        assertEquals("Acme", options.get("SOURCEADDR"));
        assertEquals("5", options.get("SOURCEADDRTON"));
        assertEquals("1", options.get("DESTADDRTON"));
    }

    @Test
    void ucs2IsDecodedAndItsCodingKept() throws Exception {
        Options options = SubmitReader.submitSm(submit(0, 8, "Grüße".getBytes(StandardCharsets.UTF_16BE)));

        assertEquals("Grüße", options.get("MESSAGE"));
        assertEquals("8", options.get("DCS"));
        assertNull(options.get("CHARCODE"));
    }

    @Test
    void eightBitDataGoesAsHex() throws Exception {
        Options options = SubmitReader.submitSm(submit(0, 4, new byte[] {0x01, (byte) 0xFF}));

        assertEquals("01FF", options.get("MESSAGE"));
        assertEquals("2", options.get("CHARCODE"));
    }

    @Test
    void messagePayloadAndSarTlvsAreRead() throws Exception {
        SubmitSm sm = submit(0, 0, new byte[0]);
        sm.setOptionalParameters(new OptionalParameter.Message_payload("long text".getBytes(StandardCharsets.US_ASCII)),
                new OptionalParameter.Sar_msg_ref_num((short) 7), new OptionalParameter.Sar_total_segments((byte) 2),
                new OptionalParameter.Sar_segment_seqnum((byte) 1));

        Options options = SubmitReader.submitSm(sm);

        assertEquals("long text", options.get("MESSAGE"));
        assertEquals("7", options.get("CONCATSMSREF"));
        assertEquals("1", options.get("CONCATSMSSEQ"));
        assertEquals("2", options.get("CONCATSMSMAX"));
    }

    @Test
    void registeredDeliveryBecomesDlr() throws Exception {
        SubmitSm sm = submit(0, 0, new byte[] {'x'});
        sm.setRegisteredDelivery((byte) 0x01);
        assertEquals("1", SubmitReader.submitSm(sm).get("DLR"));
        sm.setRegisteredDelivery((byte) 0x11);
        assertEquals("3", SubmitReader.submitSm(sm).get("DLR"));
        sm.setRegisteredDelivery((byte) 0);
        assertNull(SubmitReader.submitSm(sm).get("DLR"));
    }

    @Test
    void bothShortMessageAndPayloadIsRefused() {
        SubmitSm sm = submit(0, 0, new byte[] {'x'});
        sm.setOptionalParameters(new OptionalParameter.Message_payload(new byte[] {'y'}));

        RefusedRequestException refused = assertThrows(RefusedRequestException.class, () -> SubmitReader.submitSm(sm));

        assertEquals(SMPPConstant.STAT_ESME_RINVTLVSTREAM, refused.commandStatus());
    }
}
