package org.openemg.ejb.inbound;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.openemg.core.accept.SplitSettings;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.message.DeliveryTime;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.OptionCodec;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.ejb.accept.MessageParts;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.store.ClientMessageRows;
import org.openemg.ejb.store.MessagesQueued;
import org.openemg.ejb.store.QueuedPart;

/**
 * What a client of an incoming connector asks about the messages it sent there (SMPP query_sm, cancel_sm,
 * replace_sm): only its own, and only while they are queued for the changes. On a connector without USERS
 * every client's messages belong to nobody, so every client there owns them alike.
 */
@ApplicationScoped
public class ClientMessages {

    @Inject
    private ConfigurationInForce configuration;
    @EJB
    private MessageService messageService;
    @Inject
    private ClientMessageRows rows;
    @Inject
    private MessageParts messageParts;
    @Inject
    private Event<MessagesQueued> dueEarlier;

    public boolean knowsUser(String connector, String user) {
        return user != null && connector(connector).users().flatMap(users -> users.find(user)).isPresent();
    }

    public Optional<MessageStatus> status(String connector, String user, long id) {
        return owns(connector, user, id) ? messageService.status(id) : Optional.empty();
    }

    public boolean cancel(String connector, String user, long id) {
        return owns(connector, user, id) && rows.deleteQueued(id, System.currentTimeMillis()) > 0;
    }

    /** The new text keeps the message's data coding; VP and DELTIME are read as at acceptance. */
    public boolean replace(String connector, String user, long id, Options replacement) {
        if (!owns(connector, user, id)) {
            return false;
        }
        Optional<QueuedPart> queued = rows.onlyPartQueued(id);
        if (queued.isEmpty()) {
            return false;
        }
        QueuedPart part = queued.get();
        long now = System.currentTimeMillis();
        Options options = OptionCodec.decode(part.options());
        options.remove(OptionNames.UDH);
        for (String name : new String[] {OptionNames.MESSAGE, OptionNames.CHARCODE, OptionNames.DLR}) {
            if (replacement.has(name)) {
                options.set(name, replacement.get(name));
            }
        }
        long dueAt = part.dueAt();
        Long expiresAt = part.expiresAt();
        try {
            if (replacement.has(OptionNames.DELTIME)) {
                dueAt = DeliveryTime.dueAt(replacement.get(OptionNames.DELTIME), now);
                options.set(OptionNames.DELTIME, replacement.get(OptionNames.DELTIME));
            }
            if (replacement.has(OptionNames.VP)) {
                expiresAt = DeliveryTime.toEpochMilli(replacement.get(OptionNames.VP), now, OptionNames.VP);
                options.set(OptionNames.VP, DeliveryTime.absolute(expiresAt));
            }
            ConnectorConfig incoming = connector(connector);
            ConnectorConfig outgoing = configuration.current().connector(options.get(OptionNames.OUTCONNECTOR)).orElse(null);
            if (messageParts.splitter().count(options, SplitSettings.of(incoming, outgoing)) != 1) {
                return false;
            }
        } catch (GatewayException invalid) {
            return false;
        }
        boolean replaced = rows.replaceQueued(new QueuedPart(part.id(), OptionCodec.encode(options), dueAt, expiresAt), now);
        if (replaced && dueAt < part.dueAt() && options.has(OptionNames.OUTCONNECTOR)) {
            // the dispatcher sleeps until the due time it knew of
            dueEarlier.fire(new MessagesQueued(Set.of(options.get(OptionNames.OUTCONNECTOR))));
        }
        return replaced;
    }

    private boolean owns(String connector, String user, long id) {
        String owner = connector(connector).users().isPresent() ? user : null;
        return rows.sentBy(id, connector, owner);
    }

    private ConnectorConfig connector(String name) {
        return configuration.current().connector(name)
                .orElseThrow(() -> new IllegalStateException("the adapter named an unknown connector " + name));
    }
}
