package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.Options;

class ResultNotificationTest {

    private static final URI FALLBACK = URI.create("http://127.0.0.1/dummy");
    private static final PpgIdentity PPG = new PpgIdentity(null, "openemg");

    private static Options dlr(String state) {
        return new Options().set("MSGTYPE", "5").set("ORIGID", "7000000000000001").set("MESSAGESTATE", state)
                .set("SUBMITDATE", "20261201101530").set("DONEDATE", "20261201101605").set("PAP_PUSHID", "p-1")
                .set("PAP_ADDRESS", "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com")
                .set("PAP_NOTIFYTO", "http://pi.example.com/notify?x=1").set("PAP_VERSION", "1.0");
    }

    @Test
    void aDeliveredPushIsNotifiedToThePushsUrlInItsVersion() {
        ResultNotification notification = ResultNotification.of(dlr("DELIVERED"), FALLBACK, PPG);

        assertEquals(URI.create("http://pi.example.com/notify?x=1"), notification.to());
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE pap PUBLIC "-//WAPFORUM//DTD PAP 1.0//EN" "http://www.wapforum.org/DTD/pap_1.0.dtd">
                <pap>
                  <resultnotification-message push-id="p-1" sender-name="openemg" received-time="2026-12-01T10:15:30Z" \
                event-time="2026-12-01T10:16:05Z" message-state="delivered" code="1000" desc="OK">
                    <address address-value="WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com"/>
                  </resultnotification-message>
                </pap>
                """, notification.xml());
    }

    @ParameterizedTest
    @CsvSource({"FAILED, undeliverable, 4000", "EXPIRED, expired, 4000", "DELETED, cancelled, 1000"})
    void everyFinalStateHasItsPapState(String state, String papState, int code) {
        String xml = ResultNotification.of(dlr(state), FALLBACK, PPG).xml();

        assertTrue(xml.contains(" message-state=\"" + papState + "\" code=\"" + code + "\""), xml);
    }

    @Test
    void withoutANotifyUrlTheConnectorsAddressIsCalled() {
        Options dlr = dlr("DELIVERED");
        dlr.remove("PAP_NOTIFYTO");

        assertEquals(FALLBACK, ResultNotification.of(dlr, FALLBACK, PPG).to());
    }

    @ParameterizedTest
    @CsvSource({"PAP_PUSHID", "PAP_ADDRESS", "SUBMITDATE", "DONEDATE"})
    void aDlrWithoutWhatTheNotificationNeedsIsRefused(String missing) {
        Options dlr = dlr("DELIVERED");
        dlr.remove(missing);

        assertThrows(IllegalArgumentException.class, () -> ResultNotification.of(dlr, FALLBACK, PPG));
    }

    @Test
    void aStateThatIsNotFinalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ResultNotification.of(dlr("SUBMITTED"), FALLBACK, PPG));
    }
}
