package org.openemg.rar.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.openemg.core.config.TlsKeyStore;
import org.openemg.core.mail.MailReader;
import org.openemg.core.message.Status;
import org.openemg.rar.work.TaskExecutor;
import org.openemg.rar.work.TaskThreads;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * An incoming SMTP connector: SubEthaSMTP listening on ADDRESS, one thread per session. At most INSTANCES
 * sessions run; SubEthaSMTP answers a few more with {@code 421} and leaves the rest waiting in the backlog.
 */
public final class IncomingSmtpServer {

    private static final Logger LOG = Logger.getLogger(IncomingSmtpServer.class.getName());
    /** The sessions SubEthaSMTP keeps beyond its maximum to answer them 421 rather than leave them hanging. */
    private static final int REFUSING_SESSIONS = 10;

    private final IncomingSmtpSettings settings;
    private final TaskExecutor sessions;
    private final SMTPServer server;

    public IncomingSmtpServer(IncomingSmtpSettings settings, MailGateway gateway, TaskThreads threads) {
        this.settings = settings;
        this.sessions = new TaskExecutor(threads, "emg-smtp-" + settings.connector(), settings.instances() + REFUSING_SESSIONS);
        MailReader reader = new MailReader(settings.mail());
        SMTPServer.Builder builder = new SMTPServer.Builder()
                .port(settings.address().port())
                .softwareName("EMG")
                .executorService(sessions)
                .maxConnections(settings.instances())
                .connectionTimeoutMs((int) Math.min(Integer.MAX_VALUE, settings.idleTimeoutSeconds() * 1000L))
                .insertReceivedHeaders(false)
                .messageHandlerFactory(context -> new MailTransaction(settings, reader, gateway, context))
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (gateway.login(user, password, MailTransaction.clientIp(context)) != Status.OK) {
                        throw new LoginFailedException();
                    }
                }))
                .requireAuth(settings.authRequired())
                .showAuthCapabilitiesBeforeSTARTTLS(true);
        if (!settings.address().anyHost()) {
            builder.bindAddress(bindAddress(settings.address().host()));
        }
        settings.maxMessageSize().ifPresent(builder::maxMessageSize);
        settings.keyStore().ifPresent(keys -> builder.enableTLS().startTlsSocketFactory(tls(keys)));
        this.server = builder.build();
    }

    public void start() {
        try {
            server.start();
        } catch (RuntimeException e) {
            sessions.shutdownNow();
            Throwable reason = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("SMTP connector " + settings.connector() + " cannot listen on "
                    + server.getDisplayableLocalSocketAddress() + ": " + reason, e);
        }
        LOG.info("SMTP connector " + settings.connector() + " listening on port " + port());
    }

    /** The port actually bound (the configured one, or the one the system chose for port 0). */
    public int port() {
        return server.getPort() == 0 ? server.getPortAllocated() : server.getPort();
    }

    public void stop() {
        server.stop();
        sessions.shutdownNow();
    }

    private static InetAddress bindAddress(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve the SMTP connector's address " + host, e);
        }
    }

    private static SSLContext tls(TlsKeyStore keys) {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys.keyStore(), keys.password());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the SMTP connector's key store holds no usable key", e);
        }
    }
}
