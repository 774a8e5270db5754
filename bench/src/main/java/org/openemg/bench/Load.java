package org.openemg.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openemg.testkit.EsmeClient;

/**
 * C client threads POSTing {@code /bin/send} (form body, USERNAME/PASSWORD, {@code perRequest}
 * DESTADDR each) on one kept HTTP/1.1 connection per thread ({@link KeepAliveHttp}); or GETs (query string instead of body);
 * or the same requests to Kannel's {@code /cgi-bin/sendsms} (GET: {@code to=} numbers separated by
 * spaces; POST: X-Kannel-* headers and the text as a text/plain body, Kannel's own form of a POST);
 * or, given SMPP clients, C threads spread over those binds, each submitting one submit_sm at a time
 * (so a bind has C / binds in flight); or, given SMTP sessions, one session per thread, a mail per
 * message (MAIL/RCPT/DATA, the session reused).
 * Message number k goes to destination {@code base + k}; the id answered for it is kept in
 * {@code ids[k]} (0: none). Kannel answers one "0: Accepted for delivery" per request and no id per
 * recipient, so a Kannel message accepted is marked {@link #NO_ID}.
 */
final class Load {

    /** What the HTTP requests look like. */
    enum Style { GATEWAY_POST, GATEWAY_GET, KANNEL_POST, KANNEL_GET }

    /** ids[k] of a message Kannel accepted (Kannel gives no ids). */
    static final long NO_ID = -1;
    /** Read once: the SMPP case builds a text for every submit. */
    private static final int TEXT_LENGTH = textLength();

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI send;
    private final String credentials;
    private final long base;
    private final int perRequest;
    private final List<EsmeClient> esmes;
    private final List<SmtpClient> mailers;
    private final Style style;
    private final String user;
    private final String password;
    final long[] ids;
    final AtomicLong acceptedTotal = new AtomicLong();
    private volatile boolean stopped;
    private volatile double pace;
    private volatile boolean receipts;

    /** Counters of one phase. */
    static final class Phase {
        final int first;
        final int requests;
        final long[] latencyNanos;
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicLong acceptedMessages = new AtomicLong();
        final AtomicLong refusedMessages = new AtomicLong();
        final AtomicLong failedRequests = new AtomicLong();
        final AtomicLong lastAnswer = new AtomicLong();
        final AtomicReference<String> firstProblem = new AtomicReference<>();
        long start;

        Phase(int first, int requests) {
            this.first = first;
            this.requests = requests;
            this.latencyNanos = new long[requests];
        }

        void problem(String what) {
            firstProblem.compareAndSet(null, what);
        }

        /** Seconds from the phase's start to {@code nanos} (its last answer, a last arrival). */
        double secondsTo(long nanos) {
            return (nanos - start) / 1e9;
        }

        double secondsToLastAnswer() {
            return secondsTo(lastAnswer.get());
        }

        /** Latencies of the answered requests (HTTP 200 or not), sorted. */
        long[] sortedLatencies() {
            return java.util.Arrays.stream(latencyNanos).filter(l -> l > 0).sorted().toArray();
        }
    }

    Load(String baseUrl, String user, String password, long base, int totalMessages, int perRequest) {
        this(baseUrl, user, password, base, totalMessages, perRequest, null);
    }

    /** @param esmes bound SMPP clients to submit on instead of HTTP; null for HTTP */
    Load(String baseUrl, String user, String password, long base, int totalMessages, int perRequest,
         List<EsmeClient> esmes) {
        this(baseUrl, user, password, base, totalMessages, perRequest, Style.GATEWAY_POST, esmes, null);
    }

    /**
     * @param esmes bound SMPP clients to submit on instead of HTTP, or null
     * @param mailers SMTP sessions (one per client thread) to mail on instead of HTTP, or null
     */
    Load(String baseUrl, String user, String password, long base, int totalMessages, int perRequest, Style style,
         List<EsmeClient> esmes, List<SmtpClient> mailers) {
        boolean kannel = style == Style.KANNEL_GET || style == Style.KANNEL_POST;
        this.send = URI.create(baseUrl + (kannel ? "/cgi-bin/sendsms" : "/bin/send"));
        this.credentials = kannel ? "username=" + user + "&password=" + password + "&text=bench+message+"
                : "USERNAME=" + user + "&PASSWORD=" + password + "&MESSAGE=bench+message+";
        this.user = user;
        this.password = password;
        this.base = base;
        this.perRequest = perRequest;
        this.style = style;
        this.esmes = esmes;
        this.mailers = mailers;
        this.ids = new long[totalMessages];
    }

    /**
     * Sends messages {@code first .. first+count-1} with {@code clients} threads; stops starting
     * requests at {@code deadlineNanos}. {@code halfway} runs (on its own thread) once half the
     * requests have started.
     */
    Phase run(int first, int count, int clients, long deadlineNanos, Runnable halfway) throws InterruptedException {
        Phase phase = new Phase(first, (count + perRequest - 1) / perRequest);
        int end = first + count;
        onClients(phase, clients, (c, http) -> clientLoop(phase, first, end, deadlineNanos, halfway,
                esmes == null ? null : esmes.get(c % esmes.size()), mailers == null ? null : mailers.get(c % mailers.size()), http));
        return phase;
    }

    /**
     * The HTTP floor: {@code requests} GETs of a send request without a recipient from {@code clients} threads, which
     * both engines refuse with HTTP 400 before storing anything (the gateway with status 5 in its web module, before the
     * EJB call and the login; Kannel's smsbox after checking the user, without asking bearerbox). A request answered
     * so counts as refused; any other answer is a problem.
     */
    Phase runWithoutRecipient(int requests, int clients) throws InterruptedException {
        Phase phase = new Phase(0, requests);
        onClients(phase, clients, (c, http) -> {
            for (int r = phase.started.getAndIncrement(); r < requests; r = phase.started.getAndIncrement()) {
                long t0 = System.nanoTime();
                try {
                    KeepAliveHttp.Response response = http.get(send.getRawPath() + "?" + credentials + r);
                    long t1 = System.nanoTime();
                    phase.latencyNanos[r] = Math.max(1, t1 - t0);
                    phase.lastAnswer.accumulateAndGet(t1, Math::max);
                    if (response.status() == 400) {
                        phase.refusedMessages.incrementAndGet();
                    } else {
                        phase.problem("HTTP " + response.status() + ": " + response.body().strip());
                    }
                } catch (Exception e) {
                    phase.failedRequests.incrementAndGet();
                    phase.problem("request failed: " + e);
                }
                phase.completed.incrementAndGet();
            }
        });
        return phase;
    }

    /** What one client thread does on its kept connection. */
    private interface ClientWork {
        void run(int client, KeepAliveHttp http);
    }

    /** Starts the phase's clock and runs {@code work} on {@code clients} threads, each with a connection of its own. */
    private void onClients(Phase phase, int clients, ClientWork work) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        phase.start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                try (KeepAliveHttp http = new KeepAliveHttp(send.getHost(), send.getPort(), 60_000)) {
                    work.run(client, http);
                }
            }, "client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void clientLoop(Phase phase, int first, int end, long deadlineNanos, Runnable halfway, EsmeClient esme,
                            SmtpClient mailer, KeepAliveHttp http) {
        while (true) {
            int r = phase.started.getAndIncrement();
            if (r >= phase.requests || stopped || System.nanoTime() > deadlineNanos) {
                return;
            }
            if (!awaitTurn(phase, r)) {
                return;
            }
            if (r == phase.requests / 2 && halfway != null) {
                Thread h = new Thread(halfway, "halfway");
                h.setDaemon(true);
                h.start();
            }
            int from = first + r * perRequest;
            int to = Math.min(end, from + perRequest);
            if (esme != null) {
                submit(phase, r, from, to, esme);
            } else if (mailer != null) {
                mail(phase, r, from, to, mailer);
            } else if (style == Style.KANNEL_GET || style == Style.KANNEL_POST) {
                kannel(phase, r, from, to, http);
            } else {
                request(phase, r, from, to, http);
            }
        }
    }

    /** From now on request r of a phase starts no earlier than its share of {@code messagesPerSecond} allows (0: at once). */
    void pace(double messagesPerSecond) {
        pace = messagesPerSecond;
    }

    private boolean awaitTurn(Phase phase, int r) {
        double rate = pace;
        if (rate <= 0) {
            return true;
        }
        long due = phase.start + (long) (r * (double) perRequest * 1e9 / rate);
        for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
            try {
                Thread.sleep(Math.min(100, wait / 1_000_000 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped;
    }

    /** From now on each submit_sm asks for a delivery receipt (registered_delivery 1). */
    void askReceipts() {
        receipts = true;
    }

    /** No request starts from now on (those under way finish). */
    void stop() {
        stopped = true;
    }

    private void request(Phase phase, int r, int from, int to, KeepAliveHttp http) {
        StringBuilder body = new StringBuilder(credentials.length() + 6 + (to - from) * 21);
        body.append(credentials).append(r);
        for (int k = from; k < to; k++) {
            body.append("&DESTADDR=").append(base + k);
        }
        long t0 = System.nanoTime();
        KeepAliveHttp.Response response;
        try {
            response = style == Style.GATEWAY_GET ? http.get(send.getRawPath() + "?" + body)
                    : http.post(send.getRawPath(), "application/x-www-form-urlencoded", "", body.toString());
        } catch (Exception e) {
            phase.failedRequests.incrementAndGet();
            phase.refusedMessages.addAndGet(to - from);
            phase.problem("request failed: " + e);
            phase.completed.incrementAndGet();
            return;
        }
        long t1 = System.nanoTime();
        phase.latencyNanos[r] = Math.max(1, t1 - t0);
        phase.lastAnswer.accumulateAndGet(t1, Math::max);
        if (response.status() != 200) {
            phase.failedRequests.incrementAndGet();
            phase.refusedMessages.addAndGet(to - from);
            phase.problem("HTTP " + response.status() + ": " + response.body().strip());
            phase.completed.incrementAndGet();
            return;
        }
        String text = response.body();
        int k = from;
        int pos = 0;
        long accepted = 0;
        while (pos < text.length() && k < to) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                nl = text.length();
            }
            String line = text.substring(pos, nl).strip();
            pos = nl + 1;
            long id = Decimal.parse(line, 19);
            if (id > 0) {
                ids[k] = id;
                accepted++;
            } else {
                phase.problem("answer line for " + (base + k) + ": " + line);
            }
            k++;
        }
        if (k < to) {
            phase.problem("answer had " + (k - from) + " lines for " + (to - from) + " DESTADDR");
        }
        phase.acceptedMessages.addAndGet(accepted);
        acceptedTotal.addAndGet(accepted);
        phase.refusedMessages.addAndGet((to - from) - accepted);
        phase.completed.incrementAndGet();
    }

    /** "bench message N", padded with 'x' to TEXT_LENGTH characters (environment; 160: a full SMS) when set. */
    private static byte[] smppText(int r) {
        StringBuilder text = new StringBuilder("bench message ").append(r);
        while (text.length() < TEXT_LENGTH) {
            text.append('x');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static int textLength() {
        String length = System.getenv("TEXT_LENGTH");
        return length == null || length.isBlank() ? 0 : Integer.parseInt(length.strip());
    }

    private void submit(Phase phase, int r, int from, int to, EsmeClient esme) {
        long t0 = System.nanoTime();
        long accepted = 0;
        for (int k = from; k < to; k++) {
            try {
                ids[k] = Long.parseLong(esme.submit("12345", Long.toString(base + k), (byte) 0,
                        smppText(r), receipts));
                accepted++;
            } catch (Exception e) {
                phase.problem("submit_sm for " + (base + k) + ": " + e);
            }
        }
        long t1 = System.nanoTime();
        phase.latencyNanos[r] = Math.max(1, t1 - t0);
        phase.lastAnswer.accumulateAndGet(t1, Math::max);
        if (accepted < to - from) {
            phase.failedRequests.incrementAndGet();
        }
        phase.acceptedMessages.addAndGet(accepted);
        acceptedTotal.addAndGet(accepted);
        phase.refusedMessages.addAndGet((to - from) - accepted);
        phase.completed.incrementAndGet();
    }

    /** Kannel's sendsms: all recipients of a request accepted by a 202 "0: Accepted for delivery", or none. */
    private void kannel(Phase phase, int r, int from, int to, KeepAliveHttp http) {
        StringBuilder numbers = new StringBuilder((to - from) * 12);
        for (int k = from; k < to; k++) {
            numbers.append(k == from ? "" : style == Style.KANNEL_GET ? "+" : " ").append(base + k);
        }
        long t0 = System.nanoTime();
        KeepAliveHttp.Response response;
        try {
            response = style == Style.KANNEL_GET
                    ? http.get(send.getRawPath() + "?" + credentials + r + "&to=" + numbers)
                    : http.post(send.getRawPath(), "text/plain", "X-Kannel-Username: " + user + "\r\nX-Kannel-Password: "
                    + password + "\r\nX-Kannel-To: " + numbers + "\r\n", "bench message " + r);
        } catch (Exception e) {
            phase.failedRequests.incrementAndGet();
            phase.refusedMessages.addAndGet(to - from);
            phase.problem("request failed: " + e);
            phase.completed.incrementAndGet();
            return;
        }
        long t1 = System.nanoTime();
        phase.latencyNanos[r] = Math.max(1, t1 - t0);
        phase.lastAnswer.accumulateAndGet(t1, Math::max);
        if (response.status() != 202 || !response.body().startsWith("0:")) {
            phase.failedRequests.incrementAndGet();
            phase.refusedMessages.addAndGet(to - from);
            phase.problem("HTTP " + response.status() + ": " + response.body().strip());
            phase.completed.incrementAndGet();
            return;
        }
        for (int k = from; k < to; k++) {
            ids[k] = NO_ID;
        }
        phase.acceptedMessages.addAndGet(to - from);
        acceptedTotal.addAndGet(to - from);
        phase.completed.incrementAndGet();
    }

    /** One mail per message on this thread's session; the id from "250 Messaging accepted (id=N)". */
    private void mail(Phase phase, int r, int from, int to, SmtpClient mailer) {
        long t0 = System.nanoTime();
        long accepted = 0;
        for (int k = from; k < to; k++) {
            try {
                String reply = mailer.mail(Long.toString(base + k), "bench message " + r);
                int at = reply.indexOf("id=");
                long id = at < 0 || !reply.startsWith("250") ? 0 : Decimal.parse(reply.substring(at + 3).replace(")", "").strip(), 19);
                if (id > 0) {
                    ids[k] = id;
                    accepted++;
                } else {
                    phase.problem("mail to " + (base + k) + ": " + reply);
                }
            } catch (Exception e) {
                phase.problem("mail to " + (base + k) + ": " + e);
            }
        }
        long t1 = System.nanoTime();
        phase.latencyNanos[r] = Math.max(1, t1 - t0);
        phase.lastAnswer.accumulateAndGet(t1, Math::max);
        if (accepted < to - from) {
            phase.failedRequests.incrementAndGet();
        }
        phase.acceptedMessages.addAndGet(accepted);
        acceptedTotal.addAndGet(accepted);
        phase.refusedMessages.addAndGet((to - from) - accepted);
        phase.completed.incrementAndGet();
    }

    /** The status text of one id (GET /bin/status, as the user that sent it), or the error. */
    String status(long id) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(send.resolve("/bin/status") + "?ID=" + id
                            + "&USERNAME=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&PASSWORD=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(10)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return "HTTP " + response.statusCode() + " " + response.body().strip().replace('\n', ' ');
        } catch (Exception e) {
            return e.toString();
        }
    }

}
