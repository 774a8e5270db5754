package org.openemg.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The kit's ESME against the kit's SMSC: each proves the other speaks SMPP as the tests rely on. */
class EsmeClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SmscSimulator smsc;
    private EsmeClient esme;

    @BeforeEach
    void startSmsc() throws IOException {
        smsc = SmscSimulator.on(0).credentials("esme", "secret").start();
    }

    @AfterEach
    void stop() throws IOException {
        if (esme != null) {
            esme.close();
        }
        smsc.close();
    }

    @ParameterizedTest
    @EnumSource(BindType.class)
    void bindsInEachMode(BindType type) throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), type, "esme", "secret");

        SmscSimulator.BindSeen bind = smsc.binds().poll(10, TimeUnit.SECONDS);
        assertNotNull(bind);
        assertEquals(type.commandId(), bind.commandId());
        assertEquals("esme", bind.systemId());
        assertTrue(esme.isBound());
        assertTrue(Eventually.within(WAIT, () -> smsc.boundLinks() == 1));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        assertThrows(IOException.class, () -> EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TRX, "esme", "guess"));
        assertEquals("guess", smsc.binds().poll(10, TimeUnit.SECONDS).password());
        assertTrue(Eventually.within(WAIT, () -> smsc.boundLinks() == 0));
    }

    @Test
    void submitArrivesIntactAndIsAnsweredWithTheSmscId() throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TX, "esme", "secret");

        String id = esme.submit("Shop", "46700000001", "hello");

        SubmitSm sm = smsc.acceptedFor("46700000001").get(0);
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), sm.getShortMessage());
        assertEquals("Shop", sm.getSourceAddr());
        assertEquals(5, sm.getSourceAddrTon());
        assertEquals(1, sm.getDestAddrTon());
        assertTrue(id.matches("[0-9A-F]+"), id);
    }

    @Test
    void refusedSubmitIsANegativeResponseWithItsStatus() throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TX, "esme", "secret");
        smsc.refuseNext(1, 0x14);

        NegativeResponseException refused = assertThrows(NegativeResponseException.class,
                () -> esme.submit("Shop", "46700000002", "first"));
        esme.submit("Shop", "46700000002", "second");

        assertEquals(0x14, refused.getCommandStatus());
        assertEquals(1, smsc.refusedFor("46700000002").size());
        assertEquals(1, smsc.acceptedFor("46700000002").size());
        assertEquals(2, smsc.submits().size());
    }

    @Test
    void requestedReceiptComesAsDeliverSmNamingTheSubmitsId() throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TRX, "esme", "secret");

        String id = esme.submit("Shop", "46700000003", (byte) 0, "with receipt".getBytes(StandardCharsets.US_ASCII), true);

        DeliverSm receipt = esme.nextDelivered(WAIT);
        assertNotNull(receipt);
        assertTrue(receipt.isSmscDeliveryReceipt());
        assertEquals("46700000003", receipt.getSourceAddr());
        String text = new String(receipt.getShortMessage(), StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith(String.format("id:%010d ", Long.parseLong(id, 16))), text);
        assertEquals(0, smsc.deliverSmResponses().poll(10, TimeUnit.SECONDS));
    }

    @Test
    void deliverSmIsKeptAndAnsweredWithTheChosenStatus() throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_RX, "esme", "secret");
        byte[] mo = "an MO".getBytes(StandardCharsets.US_ASCII);

        smsc.sendDeliverSm("46700000004", "EMG", (byte) 0, mo);
        assertEquals(0, smsc.deliverSmResponses().poll(10, TimeUnit.SECONDS));
        esme.answerDeliverSmWith(0x08);
        smsc.sendDeliverSm("46700000004", "EMG", (byte) 0, mo);
        assertEquals(0x08, smsc.deliverSmResponses().poll(10, TimeUnit.SECONDS));

        assertEquals(2, esme.delivered().size());
        assertArrayEquals(mo, esme.delivered().get(0).getShortMessage());
        assertEquals("46700000004", esme.delivered().get(0).getSourceAddr());
    }

    @Test
    void closeUnbinds() throws Exception {
        esme = EsmeClient.bind("127.0.0.1", smsc.port(), BindType.BIND_TRX, "esme", "secret");

        esme.close();

        assertTrue(Eventually.within(WAIT, () -> smsc.unbinds() == 1 && smsc.openLinks() == 0));
        assertTrue(!esme.isBound());
    }
}
