package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** Receipts from the SMSC move the message to DELIVERED, whatever the id's spelling and whichever comes first. */
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
        assertTrue(Eventually.within(ARRIVAL, () -> gateway.status(id).contains("STATE=DELIVERED")),
                () -> gateway.status(id) + " deliver_sm_resp: " + smsc.deliverSmResponses());
    }

    @Test
    void receiptThatOvertakesTheResponseIsKeptAndApplied() throws Exception {
        smsc.receiptsBeforeResponses(true);
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> gateway.status(id).contains("STATE=DELIVERED")),
                () -> gateway.status(id) + " deliver_sm_resp: " + smsc.deliverSmResponses());
    }
}
