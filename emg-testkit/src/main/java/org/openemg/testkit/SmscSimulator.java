package org.openemg.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;

/**
 * An operator's SMSC on 127.0.0.1, for tests and the benchmark. Built on jSMPP's codec, not its session
 * classes, so it costs a few microseconds a message and can misbehave on purpose: it answers binds,
 * submit_sm, enquire_link and unbind, sends a receipt when one is asked for, and can be told to refuse
 * submits, leave them unanswered, drop its links or stall.
 * <p>
 * What it saw and what a test told it to do belong to the instance; {@link #reset()} forgets both and
 * keeps the links open, so a test class can share one simulator with the gateway bound to it.
 */
public final class SmscSimulator implements AutoCloseable {

    /** A {@link #answerSubmits} status: leave the submit unanswered. */
    public static final int NO_ANSWER = -1;
    /** A {@link #answerSubmits} status: answer generic_nack (ESME_RSYSERR) instead of submit_sm_resp. */
    public static final int GENERIC_NACK = -2;
    static final int DROP_LINKS = -3;

    private static final ToIntFunction<SubmitSm> ACCEPT_ALL = sm -> 0;

    /** A bind request as it arrived, accepted or not. */
    public record BindSeen(int commandId, String systemId, String password, String systemType, byte interfaceVersion) {
    }

    private final ServerSocket server;
    private final String systemId;
    private final String password;
    private final Consumer<SubmitSm> submitObserver;
    private final boolean keepSubmits;
    private final List<SmscLink> links = new CopyOnWriteArrayList<>();
    // never reset: a receipt must not match a message of an earlier test
    private final AtomicLong messageIds = new AtomicLong(0x1000);

    private final BlockingQueue<BindSeen> binds = new LinkedBlockingQueue<>();
    private final Queue<SubmitSm> submits = new ConcurrentLinkedQueue<>();
    private final Queue<SubmitSm> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<SubmitSm> refused = new ConcurrentLinkedQueue<>();
    private final BlockingQueue<Integer> deliverSmResponses = new LinkedBlockingQueue<>();
    private final AtomicInteger enquireLinks = new AtomicInteger();
    private final AtomicInteger unbinds = new AtomicInteger();
    private final AtomicInteger maxUnanswered = new AtomicInteger();

    private volatile ToIntFunction<SubmitSm> submitStatus = ACCEPT_ALL;
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private volatile int refusalStatus;
    private final AtomicInteger submitsUntilDrop = new AtomicInteger();
    private volatile boolean receiptsBeforeResponses;
    private volatile String receiptStatAndErr = DELIVERED;
    private volatile String intermediateStat;
    private volatile boolean answerEnquireLinks = true;
    private final AtomicInteger linksToStall = new AtomicInteger();
    private volatile boolean down;

    private static final String DELIVERED = "stat:DELIVRD err:000";

    /** A simulator on {@code port} of 127.0.0.1 (0: any free port), to be set up and started. */
    public static SmscSimulatorBuilder on(int port) {
        return new SmscSimulatorBuilder(port);
    }

    SmscSimulator(int port, String systemId, String password, Consumer<SubmitSm> submitObserver, boolean keepSubmits)
            throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.systemId = systemId;
        this.password = password;
        this.submitObserver = submitObserver;
        this.keepSubmits = keepSubmits;
        Thread acceptor = new Thread(this::acceptLinks, "smsc-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Forgets what it saw and what it was told; open links stay open, message ids keep counting. */
    public void reset() {
        submitStatus = ACCEPT_ALL;
        refusalsLeft.set(0);
        submitsUntilDrop.set(0);
        receiptsBeforeResponses = false;
        receiptStatAndErr = DELIVERED;
        intermediateStat = null;
        answerEnquireLinks = true;
        linksToStall.set(0);
        down = false;
        binds.clear();
        submits.clear();
        accepted.clear();
        refused.clear();
        deliverSmResponses.clear();
        enquireLinks.set(0);
        unbinds.set(0);
        maxUnanswered.set(0);
    }

    /** The command_status each submit is answered with (0 accepts it), or {@link #NO_ANSWER} or {@link #GENERIC_NACK}. */
    public void answerSubmits(ToIntFunction<SubmitSm> status) {
        submitStatus = status;
    }

    /** Answers the next {@code count} submits with {@code status}, before {@link #answerSubmits} is asked. */
    public void refuseNext(int count, int status) {
        refusalStatus = status;
        refusalsLeft.set(count);
    }

    /** The {@code nth} submit from now closes every link instead of being answered. */
    public void dropLinksAtSubmit(int nth) {
        submitsUntilDrop.set(nth);
    }

    /** Sends each requested receipt before the submit_sm_resp instead of just after it. */
    public void receiptsBeforeResponses(boolean before) {
        receiptsBeforeResponses = before;
    }

    /** The {@code stat:} and {@code err:} of the receipts sent from now on (DELIVRD and 000 until reset). */
    public void receiptsSay(String stat, String err) {
        receiptStatAndErr = "stat:" + stat + " err:" + err;
    }

    /** A submit that asks for intermediate notifications (registered_delivery 0x10) gets one with this stat a second
     * after its response, then its receipt. */
    public void intermediateReceiptsSay(String stat) {
        intermediateStat = stat;
    }

    public void answerEnquireLinks(boolean answer) {
        answerEnquireLinks = answer;
    }

    /** The next {@code count} links answer their bind, then stop reading and never answer again. */
    public void stallLinks(int count) {
        linksToStall.set(count);
    }

    /** Every bind request since the last reset, in arrival order (the queue itself, to poll). */
    public BlockingQueue<BindSeen> binds() {
        return binds;
    }

    /** Every submit_sm that arrived, however it was answered. */
    public List<SubmitSm> submits() {
        return List.copyOf(submits);
    }

    /** The submits answered with ESME_ROK, in arrival order. */
    public List<SubmitSm> accepted() {
        return List.copyOf(accepted);
    }

    public List<SubmitSm> acceptedFor(String destination) {
        return accepted.stream().filter(sm -> destination.equals(sm.getDestAddress())).toList();
    }

    /** The submits answered with an error status (refused by {@link #refuseNext} or by {@link #answerSubmits}). */
    public List<SubmitSm> refused() {
        return List.copyOf(refused);
    }

    public List<SubmitSm> refusedFor(String destination) {
        return refused.stream().filter(sm -> destination.equals(sm.getDestAddress())).toList();
    }

    /** The command_status of each deliver_sm_resp (receipts and {@link #sendDeliverSm}), to poll. */
    public BlockingQueue<Integer> deliverSmResponses() {
        return deliverSmResponses;
    }

    public int enquireLinks() {
        return enquireLinks.get();
    }

    public int unbinds() {
        return unbinds.get();
    }

    /** The most submits one link had unanswered at a time (sent to the SMSC, response not yet flushed). */
    public int maxUnanswered() {
        return maxUnanswered.get();
    }

    public int openLinks() {
        return (int) links.stream().filter(SmscLink::isOpen).count();
    }

    public int boundLinks() {
        return (int) links.stream().filter(SmscLink::isBound).count();
    }

    /** Sends a deliver_sm (ton and npi 1) on the first bound link; its response lands in {@link #deliverSmResponses}. */
    public void sendDeliverSm(String source, String destination, byte esmClass, byte[] shortMessage,
                              OptionalParameter... tlvs) throws IOException {
        SmscLink link = links.stream().filter(SmscLink::isBound).findFirst()
                .orElseThrow(() -> new IllegalStateException("no link is bound"));
        link.sendDeliverSm((byte) 1, (byte) 1, source, (byte) 1, (byte) 1, destination, esmClass, shortMessage, tlvs);
    }

    /** Sends unbind on every bound link, as an SMSC going down for maintenance would. */
    public void unbindAll() throws IOException {
        for (SmscLink link : links) {
            if (link.isBound()) {
                link.sendUnbind();
            }
        }
    }

    /** An SMSC that went away: every link closed, new connections closed at once, until {@link #up} (or a reset). */
    public void down() {
        down = true;
        closeLinks();
    }

    /** Takes connections and binds again after {@link #down}. */
    public void up() {
        down = false;
    }

    void closeLinks() {
        links.forEach(SmscLink::close);
    }

    @Override
    public void close() throws IOException {
        server.close();
        closeLinks();
    }

    private void acceptLinks() {
        try {
            while (true) {
                Socket accepted = server.accept();
                if (down) {
                    accepted.close();
                    continue;
                }
                SmscLink link = new SmscLink(this, accepted);
                links.add(link);
                Thread reader = new Thread(link::read, "smsc-link-" + port());
                reader.setDaemon(true);
                reader.start();
            }
        } catch (IOException e) {
            // the server socket is closed
        }
    }

    /** Records a bind; true when its credentials are the ones required (or none are). */
    boolean bindArrived(BindSeen bind) {
        binds.add(bind);
        return systemId == null || (systemId.equals(bind.systemId()) && password.equals(bind.password()));
    }

    boolean stallNextLink() {
        return linksToStall.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /** Records a submit and decides its answer: a command_status, {@link #NO_ANSWER}, {@link #GENERIC_NACK} or DROP_LINKS. */
    int submitArrived(SubmitSm sm) {
        if (submitObserver != null) {
            submitObserver.accept(sm);
        }
        if (keepSubmits) {
            submits.add(sm);
        }
        if (submitsUntilDrop.getAndUpdate(n -> Math.max(0, n - 1)) == 1) {
            return DROP_LINKS;
        }
        int status = refusalsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? refusalStatus : submitStatus.applyAsInt(sm);
        if (keepSubmits && status == 0) {
            accepted.add(sm);
        } else if (keepSubmits && status > 0) {
            refused.add(sm);
        }
        return status;
    }

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    boolean receiptsBeforeResponses() {
        return receiptsBeforeResponses;
    }

    String intermediateStat() {
        return intermediateStat;
    }

    String receiptStatAndErr() {
        return receiptStatAndErr;
    }

    boolean enquireLinkArrived() {
        enquireLinks.incrementAndGet();
        return answerEnquireLinks;
    }

    void unbindArrived() {
        unbinds.incrementAndGet();
    }

    void deliverSmAnswered(int commandStatus) {
        deliverSmResponses.add(commandStatus);
    }

    void unanswered(int count) {
        maxUnanswered.accumulateAndGet(count, Math::max);
    }

    void linkClosed(SmscLink link) {
        links.remove(link);
    }
}
