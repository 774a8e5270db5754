package org.openemg.rar.smpp.client;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Bind;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;

/**
 * A scriptable SMSC for the tests, built on jSMPP's codec: answers binds, submits (status chosen per
 * submit), enquire_link and unbind, counts what it saw, and can close links or send deliver_sm.
 * Responses are flushed when no more input is buffered, so the client's window really fills up.
 */
final class SmscSimulator implements AutoCloseable {

    record BindSeen(int commandId, String systemId, String password, String systemType, byte interfaceVersion) {
    }

    private static final DefaultComposer COMPOSER = new DefaultComposer();
    private static final DefaultDecomposer DECOMPOSER = new DefaultDecomposer();

    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    final BlockingQueue<BindSeen> binds = new LinkedBlockingQueue<>();
    final ConcurrentLinkedQueue<SubmitSm> submits = new ConcurrentLinkedQueue<>();
    final BlockingQueue<Integer> deliverSmResponses = new LinkedBlockingQueue<>();
    final AtomicInteger enquireLinks = new AtomicInteger();
    final AtomicInteger unbinds = new AtomicInteger();
    final AtomicInteger maxUnanswered = new AtomicInteger();
    private final AtomicInteger messageIds = new AtomicInteger();
    /** The command_status to answer each submit with; -1 leaves it unanswered, -2 answers generic_nack. */
    volatile ToIntFunction<SubmitSm> submitStatus = sm -> 0;
    volatile boolean answerEnquireLink = true;
    /** Closes the link when it has received this many submits in total (0: never). */
    volatile int closeAfterSubmits;
    /** The next this many links answer their bind, then stop reading and never answer again (a stalled SMSC). */
    final AtomicInteger stallLinks = new AtomicInteger();

    SmscSimulator() throws IOException {
        this(0);
    }

    SmscSimulator(int port) throws IOException {
        server = new ServerSocket(port);
        Thread acceptor = new Thread(this::accept, "smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int openLinks() {
        return (int) links.stream().filter(l -> !l.socket.isClosed()).count();
    }

    /** Sends a deliver_sm on the first open link (its resp status lands in {@link #deliverSmResponses}). */
    void sendDeliverSm(String source, String destination, byte esmClass, byte[] text, OptionalParameter... tlvs)
            throws Exception {
        Link link = links.stream().filter(l -> !l.socket.isClosed()).findFirst().orElseThrow();
        link.write(COMPOSER.deliverSm(link.nextSequence(), null, (byte) 1, (byte) 1, source, (byte) 1, (byte) 1,
                destination, esmClass, (byte) 0, (byte) 0, (byte) 0, (byte) 0, text, tlvs), true);
    }

    /** Sends unbind on every open link, as an SMSC going down for maintenance would. */
    void unbindAll() throws IOException {
        for (Link link : links) {
            if (!link.socket.isClosed()) {
                link.write(COMPOSER.unbind(link.nextSequence()), true);
            }
        }
    }

    void closeLinks() throws IOException {
        for (Link link : links) {
            link.socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeLinks();
    }

    private void accept() {
        try {
            while (true) {
                Link link = new Link(server.accept());
                links.add(link);
                Thread reader = new Thread(link::read, "smsc-link");
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException e) {
            // server closed
        }
    }

    private final class Link {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        private final AtomicInteger sequence = new AtomicInteger();
        private int unanswered;
        private int answeredUnflushed;
        private boolean stalled;

        Link(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        }

        int nextSequence() {
            return sequence.incrementAndGet();
        }

        synchronized void write(byte[] pdu, boolean flush) throws IOException {
            out.write(pdu);
            if (flush) {
                out.flush();
            }
        }

        void read() {
            DefaultPDUReader reader = new DefaultPDUReader();
            try {
                while (true) {
                    if (in.available() == 0) {
                        synchronized (this) {
                            out.flush();
                            unanswered -= answeredUnflushed;
                            answeredUnflushed = 0;
                        }
                    }
                    Command h = reader.readPDUHeader(in);
                    byte[] pdu = reader.readPDU(in, h);
                    handle(h, pdu);
                    while (stalled && !socket.isClosed()) {
                        Thread.sleep(20);
                    }
                }
            } catch (Exception e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }

        private void handle(Command h, byte[] pdu) throws Exception {
            int seq = h.getSequenceNumber();
            switch (h.getCommandId()) {
                case SMPPConstant.CID_BIND_TRANSMITTER, SMPPConstant.CID_BIND_RECEIVER,
                        SMPPConstant.CID_BIND_TRANSCEIVER -> {
                    Bind bind = DECOMPOSER.bind(pdu);
                    binds.add(new BindSeen(h.getCommandId(), bind.getSystemId(), bind.getPassword(),
                            bind.getSystemType(), bind.getInterfaceVersion()));
                    write(COMPOSER.bindResp(h.getCommandId() | SMPPConstant.MASK_CID_RESP, seq, "SIM"), true);
                    stalled = stallLinks.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                }
                case SMPPConstant.CID_SUBMIT_SM -> {
                    SubmitSm sm = DECOMPOSER.submitSm(pdu);
                    submits.add(sm);
                    synchronized (this) {
                        unanswered++;
                        maxUnanswered.accumulateAndGet(unanswered, Math::max);
                    }
                    if (closeAfterSubmits > 0 && submits.size() >= closeAfterSubmits) {
                        closeAfterSubmits = 0;
                        socket.close();
                        return;
                    }
                    int status = submitStatus.applyAsInt(sm);
                    if (status == 0) {
                        answer(COMPOSER.submitSmResp(seq, Integer.toHexString(messageIds.incrementAndGet())));
                    } else if (status == -2) {
                        answer(COMPOSER.genericNack(SMPPConstant.STAT_ESME_RSYSERR, seq));
                    } else if (status > 0) {
                        answer(COMPOSER.composeHeader(SMPPConstant.CID_SUBMIT_SM_RESP, status, seq));
                    }
                }
                case SMPPConstant.CID_ENQUIRE_LINK -> {
                    enquireLinks.incrementAndGet();
                    if (answerEnquireLink) {
                        write(COMPOSER.enquireLinkResp(seq), true);
                    }
                }
                case SMPPConstant.CID_DELIVER_SM_RESP -> deliverSmResponses.add(h.getCommandStatus());
                case SMPPConstant.CID_UNBIND -> {
                    unbinds.incrementAndGet();
                    write(COMPOSER.unbindResp(0, seq), true);
                    socket.close();
                }
                default -> {
                    // unbind_resp and the like need no answer
                }
            }
        }

        private synchronized void answer(byte[] pdu) throws IOException {
            out.write(pdu);
            answeredUnflushed++;
        }
    }
}
