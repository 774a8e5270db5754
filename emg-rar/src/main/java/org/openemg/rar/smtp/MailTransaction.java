package org.openemg.rar.smtp;

import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.logging.Logger;
import org.openemg.core.mail.MailAddress;
import org.openemg.core.mail.MailEnvelope;
import org.openemg.core.mail.MailReader;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.Session;

/**
 * One mail of an SMTP session, from MAIL FROM to the reply to DATA: recipients checked against the
 * relaying rule as they come, the mail read into one message per recipient, handed to the gateway,
 * and answered only with what the gateway committed.
 */
final class MailTransaction implements MessageHandler {

    private static final Logger LOG = Logger.getLogger(MailTransaction.class.getName());
    private static final int READ_CHUNK = 8192;

    private final IncomingSmtpSettings settings;
    private final MailReader reader;
    private final MailGateway gateway;
    private final MessageContext context;
    private final String clientIp;
    private MailAddress mailFrom = MailAddress.parse("<>");
    private final List<MailAddress> recipients = new ArrayList<>();

    MailTransaction(IncomingSmtpSettings settings, MailReader reader, MailGateway gateway, MessageContext context) {
        this.settings = settings;
        this.reader = reader;
        this.gateway = gateway;
        this.context = context;
        this.clientIp = clientIp(context);
    }

    static String clientIp(MessageContext context) {
        return context.getRemoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(context.getRemoteAddress());
    }

    @Override
    public void from(String address) throws RejectException {
        if (!gateway.takesMail()) {
            throw SmtpReply.paused();
        }
        mailFrom = MailAddress.parse(address);
    }

    @Override
    public void recipient(String address) throws RejectException {
        MailAddress recipient = MailAddress.parse(address);
        if (!settings.relay().permits(recipient, clientIp)) {
            throw new RejectException(SmtpReply.RELAYING_DENIED, "Relaying denied");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        try {
            return accepted(receive(messages(readWithin(data))));
        } catch (RejectException refused) {
            endTransaction();
            throw refused;
        }
    }

    private AcceptOutcome receive(List<Options> messages) throws RejectException {
        try {
            return gateway.receive(client(), messages)
                    .orElseThrow(() -> gateway.takesMail() ? SmtpReply.notNow() : SmtpReply.paused());
        } catch (GatewayException refused) {
            throw SmtpReply.refusal(refused.status(), refused.statusText());
        }
    }

    /** The mail's octets; beyond MAXMESSAGESIZE the rest is read and dropped, so the session stays in step. */
    private byte[] readWithin(InputStream data) throws IOException, RejectException {
        int limit = settings.maxMessageSize().orElse(Integer.MAX_VALUE);
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        byte[] chunk = new byte[READ_CHUNK];
        boolean tooLarge = false;
        for (int n = data.read(chunk); n >= 0; n = data.read(chunk)) {
            if (!tooLarge && mail.size() + n > limit) {
                tooLarge = true;
            }
            if (!tooLarge) {
                mail.write(chunk, 0, n);
            }
        }
        if (tooLarge) {
            throw new RejectException(552, "Message size exceeds fixed limit of " + limit + " octets");
        }
        return mail.toByteArray();
    }

    private List<Options> messages(byte[] mail) throws RejectException, IOException {
        try {
            return reader.messages(new MailEnvelope(mailFrom, recipients), mail);
        } catch (MessagingException | IOException unreadable) {
            LOG.info(() -> "a mail from " + clientIp + " on " + settings.connector() + " is no RFC 822/MIME message: "
                    + unreadable.getMessage());
            throw new RejectException(554, Status.INVALID_ARGUMENT.text() + ": the mail cannot be read as RFC 822/MIME");
        }
    }

    private ClientIdentity client() {
        String user = context.getAuthenticationHandler().map(h -> h.getIdentity()).map(String::valueOf).orElse(null);
        return new ClientIdentity(user, clientIp);
    }

    /** {@code Messaging accepted (id=..)} with the ids of the recipients the gateway kept; none kept is a refusal. */
    private static String accepted(AcceptOutcome outcome) throws RejectException {
        StringJoiner ids = new StringJoiner(",");
        Optional<RecipientResult> firstRefusal = Optional.empty();
        for (RecipientResult result : outcome.results()) {
            if (result.isAccepted()) {
                ids.add(Long.toString(result.messageId()));
            } else if (firstRefusal.isEmpty()) {
                firstRefusal = Optional.of(result);
            }
        }
        if (ids.length() == 0) {
            RecipientResult refused = firstRefusal.orElseThrow(() -> new RejectException(554, "No recipients"));
            throw SmtpReply.refusal(refused.status(), refused.statusText());
        }
        return String.format(SmtpReply.ACCEPTED, ids);
    }

    /** SubEthaSMTP leaves the transaction open after a refused DATA; RFC 5321 ends it with the reply either way. */
    private void endTransaction() {
        if (context instanceof Session session) {
            session.resetMailTransaction();
        }
    }

    @Override
    public void done() {
        recipients.clear();
    }
}
