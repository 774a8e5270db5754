package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.OptionalParameter;
import org.junit.jupiter.api.Test;

/**
 * MO from the SMSC is routed with smpp-out as its incoming connector: kept (ESME_ROK) when a rule takes
 * it, offered again (ESME_RX_T_APPN) when the only rule would send it back out on smpp-out.
 */
class MoFromSmscIT extends DeployedGatewayTest {

    private static final int ESME_ROK = 0x00;
    private static final int ESME_RX_T_APPN = 0x64;
    private static final byte[] UDH_PART_1_OF_2 = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01};
    private static final byte[] UDH_PART_2_OF_2 = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x02};

    @Test
    void anMoARuleRoutesIsKept() throws Exception {
        smsc.sendDeliverSm("46701234567", "4699", (byte) 0, "hello gateway".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(ESME_ROK, nextDeliverSmStatus());
    }

    @Test
    void anMoWhoseOnlyRouteLeadsBackToTheSmscIsOfferedAgain() throws Exception {
        // routing: "* smpp-out" is the only rule for this number, and an MO never goes back out where it came in
        smsc.sendDeliverSm("46701234567", "4612345", (byte) 0, "no way out".getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(ESME_RX_T_APPN, nextDeliverSmStatus());
    }

    @Test
    void aLongMoIsKeptOnceItsPartsAreTogether() throws Exception {
        smsc.sendDeliverSm("46701234567", "4699", (byte) 0x40, withHeader(UDH_PART_2_OF_2, "second half"));
        assertEquals(ESME_ROK, nextDeliverSmStatus(), "a part waits in the adapter for the rest");
        smsc.sendDeliverSm("46701234567", "4699", (byte) 0x40, withHeader(UDH_PART_1_OF_2, "first half, "));

        assertEquals(ESME_ROK, nextDeliverSmStatus());
    }

    @Test
    void aReceiptNamingNoMessageIsKeptAllTheSame() throws Exception {
        smsc.sendDeliverSm("46701234567", "4699", (byte) 0x04,
                "id:FFFFFF sub:001 dlvrd:001 stat:DELIVRD err:000 text:x".getBytes(StandardCharsets.ISO_8859_1),
                new OptionalParameter.Receipted_message_id("FFFFFF"));

        assertEquals(ESME_ROK, nextDeliverSmStatus());
    }

    private int nextDeliverSmStatus() throws InterruptedException {
        Integer status = smsc.deliverSmResponses().poll(30, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no deliver_sm_resp within 30 s");
        }
        return status;
    }

    private static byte[] withHeader(byte[] udh, String text) {
        byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, data, 0, udh.length);
        System.arraycopy(body, 0, data, udh.length, body.length);
        return data;
    }
}
