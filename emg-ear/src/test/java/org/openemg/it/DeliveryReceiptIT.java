package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Receipts from the SMSC move the message to DELIVERED, whatever the id's spelling and whichever comes first. */
class DeliveryReceiptIT {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static SmscSimulator smsc;

    @BeforeAll
    static void startSmsc() throws Exception {
        smsc = SmscSimulator.shared();
    }

    @AfterEach
    void receiptsAfterResponses() {
        smsc.receiptBeforeResponse(false);
    }

    private static String sendWithDlr() throws Exception {
        HttpResponse<String> response = GatewayHttp.post("/bin/send", GatewayHttp.params()
                .add("USERNAME", "alice").add("PASSWORD", "secret").add("DESTADDR", Recipients.fresh())
                .add("DLR", "1").add("MESSAGE", "with a receipt"));
        assertEquals(200, response.statusCode(), response.body());
        return response.body().strip();
    }


    @Test
    void receiptAfterTheResponseMarksTheMessageDelivered() throws Exception {
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> GatewayHttp.status(id).contains("STATE=DELIVERED")),
                () -> GatewayHttp.status(id) + smsc.receiptFailures());
    }

    @Test
    void receiptThatOvertakesTheResponseIsKeptAndApplied() throws Exception {
        smsc.receiptBeforeResponse(true);
        String id = sendWithDlr();
        assertTrue(Eventually.within(ARRIVAL, () -> GatewayHttp.status(id).contains("STATE=DELIVERED")),
                () -> GatewayHttp.status(id) + smsc.receiptFailures());
    }
}
