package org.openemg.ejb.accept;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.openemg.core.address.SmsAddress;
import org.openemg.core.config.BlacklistEntry;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.DeliveryTime;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.OptionCodec;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.core.routing.ResolvedRoute;
import org.openemg.core.routing.RouteResolver;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.MessageIdSource;
import org.openemg.ejb.store.MessageRows;
import org.openemg.ejb.store.MessagesQueued;
import org.openemg.ejb.store.NewMessage;

/**
 * Accepts the messages of one request in one transaction: authenticate, validate, route, split,
 * insert every part with one JDBC batch. The ids go back only after the container commits.
 */
@Stateless
public class MessageServiceBean implements MessageService {

    private static final Logger LOG = Logger.getLogger(MessageServiceBean.class.getName());

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private MessageIdSource ids;
    @EJB
    private Outlets outlets;
    @Inject
    private MessageRows rows;
    @Inject
    private MessageParts messageParts;
    @Inject
    private Event<MessagesQueued> queued;

    private final RouteResolver routes = new RouteResolver();

    /** When a message may leave and until when, and its queue priority: read once, at acceptance. */
    private record Schedule(long dueAt, Long expiresAt, int priority) {
    }

    private record Prepared(Options message, Schedule schedule) {
    }

    private record Accepted(int index, Prepared prepared, List<Options> parts, String outConnector) {
    }

    @Override
    public AcceptOutcome accept(String connectorName, String remoteIp, List<Options> messages) {
        ServerConfig config = configuration.current();
        ConnectorConfig incoming = config.connector(connectorName)
                .orElseThrow(() -> new GatewayException(Status.UNSPECIFIED, "unknown connector " + connectorName));
        if (messages.isEmpty()) {
            throw GatewayException.invalidArgument(OptionNames.DESTADDR);
        }
        Options first = messages.get(0);
        Optional<User> user = ClientAuthentication.authenticate(incoming, first.get(OptionNames.USERNAME),
                first.get(OptionNames.PASSWORD), remoteIp);
        long now = System.currentTimeMillis();
        // the body and the other common options are the same for every recipient: bad ones fail the request
        Prepared common = prepare(first, incoming, user, remoteIp, now);
        messageParts.check(common.message(), incoming);

        RecipientResult[] results = new RecipientResult[messages.size()];
        List<Accepted> accepted = new ArrayList<>(messages.size());
        int partCount = 0;
        for (int i = 0; i < messages.size(); i++) {
            Prepared prepared = i == 0 ? common : prepare(messages.get(i), incoming, user, remoteIp, now);
            Options message = prepared.message();
            ConnectorConfig outgoing;
            try {
                checkAddresses(message, config);
                String target = servedTarget(routes.resolve(config, incoming, user, message));
                message.set(OptionNames.OUTCONNECTOR, target);
                outgoing = config.connector(target).orElse(null);
            } catch (GatewayException refused) {
                results[i] = RecipientResult.refused(refused);
                continue;
            }
            List<Options> parts = messageParts.split(message, incoming, outgoing);
            accepted.add(new Accepted(i, prepared, parts, message.get(OptionNames.OUTCONNECTOR)));
            partCount += parts.size();
        }

        if (partCount > 0) {
            store(config.nodeId(), accepted, partCount, now, results);
        }
        return new AcceptOutcome(List.of(results), null);
    }

    /** The first candidate of the route that this gateway can carry messages on now; none is no route. */
    private String servedTarget(ResolvedRoute route) {
        for (String candidate : route.candidates()) {
            if (outlets.carries(candidate)) {
                return candidate;
            }
        }
        LOG.fine(() -> "no available connector among " + route.candidates());
        throw new GatewayException(Status.NO_ROUTE);
    }

    private static Prepared prepare(Options original, ConnectorConfig incoming, Optional<User> user, String remoteIp, long now) {
        Options message = original.copy();
        message.remove(OptionNames.PASSWORD);
        // set by the gateway only
        message.remove(OptionNames.ID);
        message.remove(OptionNames.STATUS);
        message.remove(OptionNames.SMSCID);
        if (!incoming.allowRoute()) {
            message.remove(OptionNames.ROUTE);
            message.remove(OptionNames.ROUTEDLR);
        }
        message.set(OptionNames.CONNECTOR, incoming.name());
        message.set(OptionNames.REMOTEIP, remoteIp);
        // a name nobody vouched for must not pick routes or show up as the sender's account
        message.set(OptionNames.USERNAME, user.map(User::username).orElse(null));
        return new Prepared(message, schedule(message, now));
    }

    /** Reads the message's timing and priority; options the SMSC would refuse later are refused now, with the option named. */
    private static Schedule schedule(Options message, long now) {
        String vp = message.get(OptionNames.VP);
        Long expiresAt = null;
        if (vp != null && !vp.isEmpty()) {
            // from the acceptance on: time spent in the queue counts against it
            expiresAt = DeliveryTime.toEpochMilli(vp, now, OptionNames.VP);
            message.set(OptionNames.VP, DeliveryTime.absolute(expiresAt));
        }
        long dueAt = DeliveryTime.dueAt(message.get(OptionNames.DELTIME), now);
        int dlr = message.getInt(OptionNames.DLR, 0);
        if (dlr != 0 && dlr != 1 && dlr != 3) {
            throw GatewayException.invalidArgument(OptionNames.DLR);
        }
        int protocolId = message.getInt(OptionNames.PROTOCOLID, 0);
        if (protocolId < 0 || protocolId > 255) {
            throw GatewayException.invalidArgument(OptionNames.PROTOCOLID);
        }
        int priority = message.getInt(OptionNames.PRIORITY, 0);
        if (priority < 0 || priority > 3) {
            throw GatewayException.invalidArgument(OptionNames.PRIORITY);
        }
        return new Schedule(dueAt, expiresAt, priority);
    }

    private static void checkAddresses(Options message, ServerConfig config) {
        SmsAddress.destination(message.get(OptionNames.DESTADDR), intOption(message, OptionNames.DESTADDRTON),
                intOption(message, OptionNames.DESTADDRNPI));
        String source = message.get(OptionNames.SOURCEADDR);
        if (source != null) {
            SmsAddress.source(source, intOption(message, OptionNames.SOURCEADDRTON), intOption(message, OptionNames.SOURCEADDRNPI));
        }
        config.blacklist().match(source, message.get(OptionNames.DESTADDR)).ifPresent(entry -> {
            if (entry.action() == BlacklistEntry.Action.REJECT) {
                throw new GatewayException(Status.BLACKLISTED);
            }
            LOG.info("blacklisted address " + entry.address() + " logged, message accepted");
        });
    }

    private static Integer intOption(Options message, String name) {
        return message.has(name) ? message.getInt(name, 0) : null;
    }

    private void store(int nodeId, List<Accepted> accepted, int partCount, long now, RecipientResult[] results) {
        long[] partIds = ids.next(nodeId, partCount);
        List<NewMessage> rowsToInsert = new ArrayList<>(partCount);
        Set<String> outConnectors = new HashSet<>();
        int next = 0;
        for (Accepted a : accepted) {
            long parentId = partIds[next];
            Schedule schedule = a.prepared().schedule();
            Options message = a.prepared().message();
            String destAddr = message.get(OptionNames.DESTADDR);
            String username = message.get(OptionNames.USERNAME);
            for (Options part : a.parts()) {
                part.set(OptionNames.ID, parentId);
                rowsToInsert.add(new NewMessage(partIds[next++], parentId, part.get(OptionNames.CONNECTOR), a.outConnector(),
                        schedule.priority(), schedule.dueAt(), schedule.expiresAt(), destAddr, username, OptionCodec.encode(part)));
            }
            outConnectors.add(a.outConnector());
            results[a.index()] = RecipientResult.accepted(parentId, a.parts().size());
        }
        rows.insert(rowsToInsert, now);
        queued.fire(new MessagesQueued(outConnectors));
    }

    @Override
    public Optional<ConnectorConfig> incomingConnector(String protocol, int port) {
        return configuration.current().connectors().stream()
                .filter(c -> c.type() == Direction.INCOMING && c.protocol().name().equalsIgnoreCase(protocol))
                .filter(c -> c.address().map(a -> a.port() == port).orElse(false))
                .findFirst();
    }

    @Override
    public Optional<MessageStatus> status(long id) {
        return rows.status(id);
    }
}
