package org.openemg.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.Test;

/** What the suites of other modules rely on the simulator for: what reset forgets, drops, and observers. */
class SmscSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void resetForgetsWhatItSawAndWasToldButKeepsTheLinks() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.on(0).start();
             EsmeClient esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TRX, "any", "any")) {
            esme.submit("1", "46700000001", "before");
            smsc.refuseNext(5, 0x14);
            smsc.answerSubmits(sm -> 0x45);

            smsc.reset();

            assertEquals(List.of(), smsc.submits());
            assertEquals(List.of(), smsc.accepted());
            assertEquals(0, smsc.binds().size());
            esme.submit("1", "46700000001", "after");
            assertEquals(1, smsc.acceptedFor("46700000001").size());
            assertEquals(List.of(), smsc.refused());
            assertEquals(1, smsc.boundLinks());
        }
    }

    @Test
    void dropAtTheNthSubmitClosesEveryLinkUnanswered() throws Exception {
        try (SmscSimulator smsc = SmscSimulator.on(0).start();
             EsmeClient first = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TX, "a", "a");
             EsmeClient second = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TX, "b", "b")) {
            smsc.dropLinksAtSubmit(2);

            first.submit("1", "46700000002", "answered");
            // jSMPP notices the closed link only when its response timer runs out: do not wait for that
            CompletableFuture.runAsync(() -> {
                try {
                    second.submit("1", "46700000002", "dropped");
                } catch (Exception expected) {
                    // the link is gone
                }
            });

            assertTrue(Eventually.within(WAIT, () -> smsc.openLinks() == 0));
            assertEquals(2, smsc.submits().size());
            assertEquals(1, smsc.accepted().size());
        }
    }

    @Test
    void observerSeesEverySubmitThatIsNotKept() throws Exception {
        List<SubmitSm> observed = new CopyOnWriteArrayList<>();
        try (SmscSimulator smsc = SmscSimulator.on(0).observeSubmits(observed::add).keepSubmits(false).start();
             EsmeClient esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TX, "any", "any")) {
            smsc.refuseNext(1, 0x58);
            assertThrows(NegativeResponseException.class, () -> esme.submit("1", "46700000003", "refused"));
            esme.submit("1", "46700000003", "accepted");

            assertEquals(2, observed.size());
            assertEquals(List.of(), smsc.submits());
            assertEquals(List.of(), smsc.refused());
        }
    }
}
