package org.openemg.rar.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.CallMethod;
import org.openemg.core.message.OptionForm;
import org.openemg.core.pap.PpgIdentity;
import org.openemg.core.pap.ResultNotification;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;
import org.openemg.rar.work.SendResults;
import org.openemg.rar.work.TaskExecutor;
import org.openemg.rar.work.TaskThreads;

/**
 * An outgoing HTTP connector (DLR and MO callbacks): calls its URL once per message with the message's
 * options as parameters, or with METHOD=PAP POSTs the result notification a WAP push's DLR stands for to
 * the push's URL, at most WINDOWSIZE calls at a time over kept-alive connections. Only a 2xx
 * answer counts: DELIVERED; any other answer, or none, is RETRY, which the gateway repeats after
 * RETRYDELAY up to MAXATTEMPTS. Results are handed on in groups by the one caller thread.
 */
public final class UrlCaller {

    private static final Logger LOG = Logger.getLogger(UrlCaller.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final long RESULT_WAIT_MS = 10;
    private static final long STOP_WAIT_MS = 10_000;
    private static final PpgIdentity PPG = new PpgIdentity(null, "openemg");

    private final OutgoingHttpSettings settings;
    private final SendResults results;
    private final TaskThreads threads;
    private final TaskExecutor callbacks;
    private final HttpClient client;
    private final BlockingQueue<OutgoingMessage> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<SendResult> answered = new ConcurrentLinkedQueue<>();
    private final Semaphore window;
    private final CountDownLatch callerEnded = new CountDownLatch(1);
    private final AtomicBoolean callerClaimed = new AtomicBoolean();
    private volatile boolean stopping;

    public UrlCaller(OutgoingHttpSettings settings, SendResults results, TaskThreads threads) {
        this.settings = settings;
        this.results = results;
        this.threads = threads;
        this.window = new Semaphore(settings.window());
        this.callbacks = new TaskExecutor(threads, "emg-http-" + settings.connector(), settings.window() + 1);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(callbacks)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public void start() {
        threads.start("emg-http-" + settings.connector(), this::call);
    }

    public void send(List<OutgoingMessage> batch) {
        if (stopping) {
            results.record(settings.connector(), batch.stream().map(m -> result(m, SendOutcome.LINK_LOST)).toList());
            return;
        }
        queue.addAll(batch);
    }

    /** A URL has no bind to wait for: ready while running. */
    public int readyCount() {
        return stopping ? 0 : 1;
    }

    /** Stops calling; queued messages are answered LINK_LOST, calls under way get their answer first. */
    public void stop() {
        stopping = true;
        if (callerClaimed.compareAndSet(false, true)) {
            // stopped before the caller's thread began: it will not begin now
            drainAtStop();
            callerEnded.countDown();
        } else {
            try {
                callerEnded.await(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        callbacks.shutdown();
    }

    private void call() {
        if (!callerClaimed.compareAndSet(false, true)) {
            return;
        }
        try {
            while (!stopping) {
                OutgoingMessage next = queue.poll(RESULT_WAIT_MS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    awaitRoomFor(next);
                }
                handOn();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            drainAtStop();
            callerEnded.countDown();
        }
    }

    /** Waits for a free call while handing on the answers that free them; a stop gives the message back. */
    private void awaitRoomFor(OutgoingMessage message) throws InterruptedException {
        while (!window.tryAcquire(RESULT_WAIT_MS, TimeUnit.MILLISECONDS)) {
            handOn();
            if (stopping) {
                queue.add(message);
                return;
            }
        }
        start(message);
    }

    private void start(OutgoingMessage message) {
        HttpRequest request;
        try {
            request = request(message);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "message " + message.messageId() + " makes no valid call for " + settings.connector(), e);
            answer(result(message, SendOutcome.REJECTED));
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.fine(() -> settings.connector() + ": calling " + settings.url() + " failed: " + failure);
            }
            boolean taken = failure == null && response.statusCode() / 100 == 2;
            answer(new SendResult(message.messageId(), taken ? SendOutcome.DELIVERED : SendOutcome.RETRY,
                    failure == null ? response.statusCode() : 0, null));
        });
    }

    private HttpRequest request(OutgoingMessage message) {
        HttpRequest.Builder builder;
        if (settings.method() == CallMethod.PAP) {
            ResultNotification notification = ResultNotification.of(message.options(), settings.url(), PPG);
            builder = HttpRequest.newBuilder(notification.to())
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(notification.xml()));
        } else if (settings.method() == CallMethod.POST) {
            builder = HttpRequest.newBuilder(settings.url())
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(OptionForm.encode(message.options())));
        } else {
            builder = HttpRequest.newBuilder(URI.create(OptionForm.withQuery(settings.url().toString(),
                    message.options()))).GET();
        }
        return builder.timeout(CALL_TIMEOUT).build();
    }

    private void answer(SendResult result) {
        answered.add(result);
        window.release();
    }

    private void handOn() {
        List<SendResult> group = new ArrayList<>();
        for (SendResult r; (r = answered.poll()) != null; ) {
            group.add(r);
        }
        if (!group.isEmpty()) {
            results.record(settings.connector(), group);
        }
    }

    private void drainAtStop() {
        List<OutgoingMessage> unsent = new ArrayList<>();
        queue.drainTo(unsent);
        if (!unsent.isEmpty()) {
            results.record(settings.connector(), unsent.stream().map(m -> result(m, SendOutcome.LINK_LOST)).toList());
        }
        try {
            // calls under way are answered by the server or by their timeout
            if (window.tryAcquire(settings.window(), CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                window.release(settings.window());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        handOn();
    }

    private static SendResult result(OutgoingMessage message, SendOutcome outcome) {
        return new SendResult(message.messageId(), outcome, 0, null);
    }
}
