package org.openemg.testkit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.PDUException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Bind;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;

/**
 * One connection to the simulator: reads PDUs and answers them as the simulator says. Responses are
 * flushed only when no more input is buffered, so a client's window really fills up.
 */
final class SmscLink {

    private static final DefaultComposer COMPOSER = new DefaultComposer();
    private static final DefaultDecomposer DECOMPOSER = new DefaultDecomposer();
    private static final byte RECEIPT = 0x04;
    private static final byte INTERMEDIATE = 0x20;
    private static final Executor LATER = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);

    private final SmscSimulator smsc;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final AtomicInteger sequence = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean bound;
    private boolean stalled;
    private int unanswered;
    private int answeredUnflushed;

    SmscLink(SmscSimulator smsc, Socket socket) throws IOException {
        this.smsc = smsc;
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    boolean isBound() {
        return bound && isOpen();
    }

    void read() {
        DefaultPDUReader reader = new DefaultPDUReader();
        try {
            while (true) {
                if (in.available() == 0) {
                    flush();
                }
                Command header = reader.readPDUHeader(in);
                handle(header, reader.readPDU(in, header));
                if (stalled) {
                    closed.await();
                }
            }
        } catch (IOException | PDUException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        }
    }

    void close() {
        bound = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
        closed.countDown();
        smsc.linkClosed(this);
    }

    void sendDeliverSm(byte sourceTon, byte sourceNpi, String source, byte destinationTon, byte destinationNpi,
                       String destination, byte esmClass, byte[] shortMessage, OptionalParameter... tlvs)
            throws IOException {
        try {
            write(deliverSm(sourceTon, sourceNpi, source, destinationTon, destinationNpi, destination, esmClass,
                    shortMessage, tlvs), true);
        } catch (PDUStringException e) {
            throw new IllegalArgumentException("not a valid deliver_sm: " + e.getMessage(), e);
        }
    }

    void sendUnbind() throws IOException {
        write(COMPOSER.unbind(sequence.incrementAndGet()), true);
    }

    private void handle(Command header, byte[] pdu) throws IOException, PDUStringException {
        int seq = header.getSequenceNumber();
        switch (header.getCommandId()) {
            case SMPPConstant.CID_BIND_TRANSMITTER, SMPPConstant.CID_BIND_RECEIVER, SMPPConstant.CID_BIND_TRANSCEIVER ->
                    bind(header.getCommandId(), seq, DECOMPOSER.bind(pdu));
            case SMPPConstant.CID_SUBMIT_SM -> submit(seq, DECOMPOSER.submitSm(pdu));
            case SMPPConstant.CID_ENQUIRE_LINK -> {
                if (smsc.enquireLinkArrived()) {
                    write(COMPOSER.enquireLinkResp(seq), true);
                }
            }
            case SMPPConstant.CID_DELIVER_SM_RESP -> smsc.deliverSmAnswered(header.getCommandStatus());
            case SMPPConstant.CID_UNBIND -> {
                // the side that asked closes the connection; closing first can cost jSMPP its unbind_resp
                smsc.unbindArrived();
                bound = false;
                write(COMPOSER.unbindResp(SMPPConstant.STAT_ESME_ROK, seq), true);
            }
            default -> {
                // unbind_resp, generic_nack and the like need no answer
            }
        }
    }

    private void bind(int commandId, int seq, Bind bind) throws IOException, PDUStringException {
        int responseId = commandId | SMPPConstant.MASK_CID_RESP;
        if (!smsc.bindArrived(new SmscSimulator.BindSeen(commandId, bind.getSystemId(), bind.getPassword(),
                bind.getSystemType(), bind.getInterfaceVersion()))) {
            write(COMPOSER.composeHeader(responseId, SMPPConstant.STAT_ESME_RINVPASWD, seq), true);
            return;
        }
        write(COMPOSER.bindResp(responseId, seq, "SIMSC"), true);
        bound = true;
        stalled = smsc.stallNextLink();
    }

    private void submit(int seq, SubmitSm sm) throws IOException, PDUStringException {
        synchronized (this) {
            unanswered++;
            smsc.unanswered(unanswered);
        }
        int status = smsc.submitArrived(sm);
        if (status == SmscSimulator.DROP_LINKS) {
            smsc.closeLinks();
        } else if (status == SmscSimulator.GENERIC_NACK) {
            answer(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RSYSERR, seq));
        } else if (status > 0) {
            answer(COMPOSER.composeHeader(SMPPConstant.CID_SUBMIT_SM_RESP, status, seq));
        } else if (status == 0) {
            accept(seq, sm);
        }
    }

    private void accept(int seq, SubmitSm sm) throws IOException, PDUStringException {
        long id = smsc.nextMessageId();
        boolean receipt = (sm.getRegisteredDelivery() & 0x01) != 0;
        if (receipt && smsc.receiptsBeforeResponses()) {
            write(receiptFor(sm, id), false);
        }
        // hex in the response, decimal with leading zeros in the receipt: the gateway must match both
        answer(COMPOSER.submitSmResp(seq, Long.toHexString(id).toUpperCase()));
        String intermediate = smsc.intermediateStat();
        if (receipt && intermediate != null && (sm.getRegisteredDelivery() & 0x10) != 0) {
            // as an SMSC would: the notification once the message is on its way, the receipt after it
            byte[] notification = receiptFor(sm, id, INTERMEDIATE, "stat:" + intermediate + " err:000");
            byte[] last = receiptFor(sm, id);
            CompletableFuture.runAsync(() -> writeLater(notification, last), LATER);
        } else if (receipt && !smsc.receiptsBeforeResponses()) {
            write(receiptFor(sm, id), false);
        }
    }

    private void writeLater(byte[]... pdus) {
        try {
            for (byte[] pdu : pdus) {
                write(pdu, true);
            }
        } catch (IOException e) {
            // the link closed meanwhile: a real SMSC would offer them again on the next bind; this one forgets them
        }
    }

    private byte[] receiptFor(SubmitSm sm, long id) throws PDUStringException {
        return receiptFor(sm, id, RECEIPT, smsc.receiptStatAndErr());
    }

    private byte[] receiptFor(SubmitSm sm, long id, byte esmClass, String statAndErr) throws PDUStringException {
        String text = String.format("id:%010d sub:001 dlvrd:001 submit date:2611251200 done date:2611251201 %s text:",
                id, statAndErr);
        return deliverSm(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress(), sm.getSourceAddrTon(),
                sm.getSourceAddrNpi(), sm.getSourceAddr(), esmClass, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private byte[] deliverSm(byte sourceTon, byte sourceNpi, String source, byte destinationTon, byte destinationNpi,
                             String destination, byte esmClass, byte[] shortMessage, OptionalParameter... tlvs)
            throws PDUStringException {
        return COMPOSER.deliverSm(sequence.incrementAndGet(), null, sourceTon, sourceNpi, source, destinationTon,
                destinationNpi, destination, esmClass, (byte) 0, (byte) 0, (byte) 0, (byte) 0, shortMessage, tlvs);
    }

    private synchronized void write(byte[] pdu, boolean flush) throws IOException {
        out.write(pdu);
        if (flush) {
            out.flush();
        }
    }

    private synchronized void answer(byte[] pdu) throws IOException {
        out.write(pdu);
        answeredUnflushed++;
    }

    private synchronized void flush() throws IOException {
        out.flush();
        unanswered -= answeredUnflushed;
        answeredUnflushed = 0;
    }
}
