package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/**
 * Receipts from the SMSC move the message to DELIVERED, whatever the id's spelling and whichever comes first,
 * and /bin/status shows the last of them.
 */
class DeliveryReceiptIT extends DeployedGatewayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static String sendWithDlr() throws Exception {
        HttpResponse<String> response = gateway.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", Recipients.fresh())
                .add("DLR", "1").add("MESSAGE", "with a receipt"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }

    @Test
    void receiptAfterTheResponseMarksTheMessageDelivered() throws Exception {
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")),
                () -> operator.status(id) + " deliver_sm_resp: " + smsc.deliverSmResponses());
    }

    @Test
    void statusShowsTheLastReportInEveryFormat() throws Exception {
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")), () -> operator.status(id));

        String text = operator.status(id);
        String json = operator.get("/bin/status.json", GatewayHttp.params().add("ID", id)).body();
        String xml = operator.get("/bin/status.xml", GatewayHttp.params().add("ID", id)).body();

        assertTrue(text.contains("\nMESSAGESTATE=DELIVERED\nDLRTIME=20"), text);
        assertTrue(text.contains("\nDLRID=7"), "http-in's REDIRECT took the DLR: " + text);
        assertFalse(text.contains("SMSCERROR"), "err:000 is no error: " + text);
        assertTrue(json.contains("\"messagestate\":\"DELIVERED\",\"dlrtime\":\"20"), json);
        assertTrue(xml.contains("<messagestate>DELIVERED</messagestate><dlrtime>20"), xml);
    }

    @Test
    void anUndeliverableReceiptShowsTheSmscsError() throws Exception {
        smsc.receiptsSay("UNDELIV", "069");
        String id = sendWithDlr();

        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=FAILED")), () -> operator.status(id));
        String status = operator.status(id);
        assertTrue(status.contains("\nMESSAGESTATE=UNDELIVERABLE\n"), status);
        assertTrue(status.contains("\nSMSCERROR=069\n"), status);
    }

    @Test
    void receiptThatOvertakesTheResponseIsKeptAndApplied() throws Exception {
        smsc.receiptsBeforeResponses(true);
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> operator.status(id).contains("STATE=DELIVERED")),
                () -> operator.status(id) + " deliver_sm_resp: " + smsc.deliverSmResponses());
        assertTrue(operator.status(id).contains("\nMESSAGESTATE=DELIVERED\n"), "the early receipt is the last report");
    }
}
