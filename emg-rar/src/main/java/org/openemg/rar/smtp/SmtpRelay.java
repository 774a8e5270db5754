package org.openemg.rar.smtp;

import org.openemg.rar.work.SendResults;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.mail.SmsMail;
import org.openemg.rar.work.TaskThreads;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.api.SendOutcome;
import org.openemg.rar.api.SendResult;

/**
 * An outgoing SMTP connector: INSTANCES connections to the mail server, each one thread that takes
 * mails from a shared queue. Accepted by the server is DELIVERED (SMTP gives no receipts, spec
 * section 7); a 5xx reply fails the message; a 4xx reply retries it, and that connection waits before
 * its next mail, longer after each failure in a row; a server that cannot be reached hands the message
 * back as LINK_LOST while the connection waits the same way.
 */
public final class SmtpRelay {

    private static final Logger LOG = Logger.getLogger(SmtpRelay.class.getName());
    private static final int BATCH = 100;
    private static final long FIRST_PAUSE_MS = 1_000;
    private static final long LONGEST_PAUSE_MS = 60_000;
    private static final long STOP_WAIT_MS = 10_000;
    private static final String TIMEOUT_MS = "30000";

    private final OutgoingSmtpSettings settings;
    private final SendResults results;
    private final Session session;
    private final LinkedBlockingQueue<OutgoingMessage> queue = new LinkedBlockingQueue<>();
    private final TaskThreads threads;
    private final List<Connection> connections = new ArrayList<>();
    private final CountDownLatch connectionsEnded;
    private final AtomicInteger ready;
    private volatile boolean stopping;

    public SmtpRelay(OutgoingSmtpSettings settings, SendResults results, TaskThreads threads) {
        this.settings = settings;
        this.results = results;
        this.threads = threads;
        this.session = Session.getInstance(sessionProperties(settings));
        this.ready = new AtomicInteger(settings.instances());
        this.connectionsEnded = new CountDownLatch(settings.instances());
    }

    private static Properties sessionProperties(OutgoingSmtpSettings settings) {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.server().host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.server().port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MS);
        // a password is not sent in clear where the server offers STARTTLS
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(settings.username().isPresent()));
        return properties;
    }

    /** @throws java.util.concurrent.RejectedExecutionException when the adapter has no thread left for a connection */
    public void start() {
        for (int i = 0; i < settings.instances(); i++) {
            Connection connection = new Connection();
            connections.add(connection);
            connection.running = threads.start("emg-smtp-" + settings.connector() + "-" + (i + 1), connection);
        }
    }

    public void send(List<OutgoingMessage> batch) {
        if (stopping) {
            results.record(settings.connector(), batch.stream().map(m -> result(m, SendOutcome.LINK_LOST)).toList());
            return;
        }
        queue.addAll(batch);
    }

    /** Connections not waiting after a failure. */
    public int readyCount() {
        return ready.get();
    }

    public void stop() {
        stopping = true;
        connections.forEach(Connection::end);
        try {
            connectionsEnded.await(STOP_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<OutgoingMessage> unsent = new ArrayList<>();
        queue.drainTo(unsent);
        if (!unsent.isEmpty()) {
            results.record(settings.connector(), unsent.stream().map(m -> result(m, SendOutcome.LINK_LOST)).toList());
        }
    }

    private static SendResult result(OutgoingMessage message, SendOutcome outcome) {
        return new SendResult(message.messageId(), outcome, 0, null);
    }

    /** One connection to the mail server, opened when there is a mail to send and kept open for the next ones. */
    private final class Connection implements Runnable {

        /** Taken by whichever comes first, the connection's thread or the stop: a task cancelled before it ran never runs. */
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile Future<?> running;
        private Transport transport;
        private long pauseMs = FIRST_PAUSE_MS;

        void end() {
            if (claimed.compareAndSet(false, true)) {
                connectionsEnded.countDown();
            } else if (running != null) {
                running.cancel(true);
            }
        }

        @Override
        public void run() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            List<OutgoingMessage> batch = new ArrayList<>(BATCH);
            try {
                while (!stopping) {
                    OutgoingMessage first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    sendAll(batch);
                    batch.clear();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } finally {
                close();
                connectionsEnded.countDown();
            }
        }

        private void sendAll(List<OutgoingMessage> batch) throws InterruptedException {
            List<SendResult> sent = new ArrayList<>(batch.size());
            boolean pause = false;
            for (OutgoingMessage message : batch) {
                if (pause || stopping) {
                    sent.add(result(message, SendOutcome.LINK_LOST));
                    continue;
                }
                SendOutcome outcome = send(message);
                sent.add(result(message, outcome));
                pause = outcome == SendOutcome.RETRY || outcome == SendOutcome.LINK_LOST;
            }
            results.record(settings.connector(), sent);
            if (pause) {
                waitAfterFailure();
            } else {
                pauseMs = FIRST_PAUSE_MS;
            }
        }

        private SendOutcome send(OutgoingMessage message) {
            MimeMessage mail;
            try {
                mail = SmsMail.compose(session, message.options(), settings.domain());
            } catch (MessagingException unwritable) {
                LOG.info(() -> "message " + message.messageId() + " on " + settings.connector() + " cannot be written as a mail: "
                        + unwritable.getMessage());
                return SendOutcome.REJECTED;
            }
            try {
                connected().sendMessage(mail, mail.getAllRecipients());
                return SendOutcome.DELIVERED;
            } catch (MessagingException failed) {
                close();
                OptionalInt code = ServerReply.code(failed);
                if (code.isEmpty()) {
                    // said once when the server goes away, not on every retry while it stays away
                    LOG.log(pauseMs == FIRST_PAUSE_MS ? Level.WARNING : Level.FINE, () -> "mail server of "
                            + settings.connector() + " not reachable: " + failed.getMessage());
                    return SendOutcome.LINK_LOST;
                }
                LOG.fine(() -> "mail server of " + settings.connector() + " refused message " + message.messageId()
                        + " with " + code.getAsInt());
                return code.getAsInt() >= 500 ? SendOutcome.REJECTED : SendOutcome.RETRY;
            }
        }

        private Transport connected() throws MessagingException {
            if (transport == null || !transport.isConnected()) {
                Transport opened = session.getTransport();
                opened.connect(settings.server().host(), settings.server().port(),
                        settings.username().orElse(null), settings.password().orElse(null));
                transport = opened;
            }
            return transport;
        }

        private void waitAfterFailure() throws InterruptedException {
            ready.decrementAndGet();
            try {
                Thread.sleep(pauseMs);
            } finally {
                ready.incrementAndGet();
                pauseMs = Math.min(LONGEST_PAUSE_MS, pauseMs * 2);
            }
        }

        private void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the connection is going away anyway
                }
                transport = null;
            }
        }
    }
}
