package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/** DELTIME holds a message in the gateway, VP runs from acceptance, and bad values are refused up front. */
class SchedulingIT extends DeployedGatewayTest {

    private static HttpResponse<String> send(String destination, String... options) throws Exception {
        GatewayHttp.Params params = GatewayHttp.params().add("USERNAME", "alice").add("PASSWORD", "secret")
                .add("DESTADDR", destination).add("MESSAGE", "scheduled");
        for (int i = 0; i < options.length; i += 2) {
            params.add(options[i], options[i + 1]);
        }
        return gateway.post("/bin/send", params);
    }

    @Test
    void deferredMessageLeavesAtItsTimeWithoutAScheduleForTheSmsc() throws Exception {
        String destination = Recipients.fresh();
        long sent = System.nanoTime();
        assertEquals(200, send(destination, "DELTIME", "3").statusCode());
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> smsc.acceptedFor(destination).size() == 1));
        assertTrue(Duration.ofNanos(System.nanoTime() - sent).toMillis() >= 2_900, "held for DELTIME");
        SubmitSm submit = smsc.acceptedFor(destination).get(0);
        assertNull(submit.getScheduleDeliveryTime());
        assertTrue(submit.getValidityPeriod() == null || submit.getValidityPeriod().isEmpty());
    }

    @Test
    void messageWhoseValidityRunsOutWhileHeldExpiresUnsent() throws Exception {
        String destination = Recipients.fresh();
        HttpResponse<String> response = send(destination, "DELTIME", "2", "VP", "1");
        assertEquals(200, response.statusCode(), response.body());
        String id = response.body().strip();
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> operator.status(id).contains("STATE=EXPIRED")), () -> operator.status(id));
        assertEquals(0, smsc.acceptedFor(destination).size());
    }

    @Test
    void validityIsSentAsAnAbsoluteTime() throws Exception {
        String destination = Recipients.fresh();
        assertEquals(200, send(destination, "VP", "3600").statusCode());
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> smsc.acceptedFor(destination).size() == 1));
        assertTrue(smsc.acceptedFor(destination).get(0).getValidityPeriod().matches("\\d{12}000\\+"),
                smsc.acceptedFor(destination).get(0).getValidityPeriod());
    }

    @Test
    void badValuesAreRefusedNamingTheOption() throws Exception {
        HttpResponse<String> vp = send(Recipients.fresh(), "VP", "soon");
        assertEquals(400, vp.statusCode());
        assertEquals("ERR 5 Invalid argument: VP", vp.body().strip());
        assertEquals("ERR 5 Invalid argument: DLR", send(Recipients.fresh(), "DLR", "2").body().strip());
        assertEquals("ERR 5 Invalid argument: DELTIME", send(Recipients.fresh(), "DELTIME", "tomorrow").body().strip());
    }
}
