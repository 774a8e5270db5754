package org.openemg.ejb.accept;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openemg.core.accept.AcceptDecision;
import org.openemg.core.accept.Acceptance;
import org.openemg.core.accept.ClientAuthentication;
import org.openemg.core.accept.Schedule;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.ClientRequest;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.OptionCodec;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;
import org.openemg.core.routing.RouteResolver;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.metrics.TrafficMeters;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.MessageIdSource;
import org.openemg.ejb.store.MessageReports;
import org.openemg.ejb.store.MessageRows;
import org.openemg.ejb.store.NewMessage;

/**
 * Accepts the messages of one request: emg-core's {@link Acceptance} decides, this bean gives the
 * accepted parts their ids and inserts them with one JDBC batch. The ids go back only after the
 * commit: the caller's transaction when it has one (an SMSC's MO beside its receipts), otherwise a
 * commit shared with the requests that arrive at the same time ({@link QueueCommits}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageServiceBean implements MessageService {

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private MessageIdSource ids;
    @EJB
    private Outlets outlets;
    @Inject
    private MessageRows rows;
    @Inject
    private MessageReports reports;
    @Inject
    private MessageParts messageParts;
    @Inject
    private QueueCommits commits;
    @Inject
    private TrafficMeters meters;

    private final RouteResolver routes = new RouteResolver();

    /** The decision for one request, given the acceptance of the running configuration. */
    private interface Decide {
        List<AcceptDecision> with(Acceptance acceptance, ConnectorConfig incoming, long now);
    }

    @Override
    public AcceptOutcome accept(String connectorName, String remoteIp, List<Options> messages) {
        return counted(connectorName, messages.size(), () -> acceptAndStore(connectorName,
                (acceptance, incoming, now) -> acceptance.decide(incoming, remoteIp, messages, now)));
    }

    @Override
    public AcceptOutcome accept(String connectorName, ClientIdentity client, List<Options> messages) {
        return counted(connectorName, messages.size(), () -> acceptAndStore(connectorName,
                (acceptance, incoming, now) -> acceptance.decide(incoming, client, messages, now)));
    }

    /** Counts what became of a request's messages; a refusal of the whole request counts each of them refused. */
    private AcceptOutcome counted(String connectorName, int messages, Supplier<AcceptOutcome> accept) {
        try {
            AcceptOutcome outcome = accept.get();
            meters.outcomes(connectorName, outcome);
            return outcome;
        } catch (GatewayException refused) {
            meters.refused(connectorName, refused.status(), messages);
            throw refused;
        }
    }

    @Override
    public List<AcceptOutcome> acceptEach(String connectorName, List<ClientRequest> requests) {
        ServerConfig config = configuration.current();
        long now = System.currentTimeMillis();
        List<List<AcceptDecision>> each = acceptance(config).decideEach(incoming(config, connectorName), requests, now);
        List<AcceptDecision> all = new ArrayList<>();
        each.forEach(all::addAll);
        List<RecipientResult> results = store(config.nodeId(), all, now).results();
        List<AcceptOutcome> outcomes = new ArrayList<>(each.size());
        int next = 0;
        for (List<AcceptDecision> decisions : each) {
            outcomes.add(new AcceptOutcome(List.copyOf(results.subList(next, next + decisions.size())), null));
            next += decisions.size();
        }
        meters.outcomes(connectorName, results);
        return outcomes;
    }

    private AcceptOutcome acceptAndStore(String connectorName, Decide decide) {
        ServerConfig config = configuration.current();
        long now = System.currentTimeMillis();
        return store(config.nodeId(), decide.with(acceptance(config), incoming(config, connectorName), now), now);
    }

    @Override
    public Status login(String connectorName, String user, String password, String remoteAddress) {
        return ClientAuthentication.login(incoming(configuration.current(), connectorName), user, password, remoteAddress);
    }

    private static ConnectorConfig incoming(ServerConfig config, String connectorName) {
        return config.connector(connectorName)
                .orElseThrow(() -> new GatewayException(Status.UNSPECIFIED, "unknown connector " + connectorName));
    }

    private Acceptance acceptance(ServerConfig config) {
        return new Acceptance(config, outlets::carries, routes, messageParts.splitter());
    }

    /** Gives every accepted part an id and inserts them all with one batch; refused recipients keep their status. */
    private AcceptOutcome store(int nodeId, List<AcceptDecision> decisions, long now) {
        int partCount = partCount(decisions);
        RecipientResult[] results = new RecipientResult[decisions.size()];
        long[] partIds = partCount == 0 ? new long[0] : ids.next(nodeId, partCount);
        List<NewMessage> rowsToInsert = new ArrayList<>(partCount);
        int next = 0;
        for (int i = 0; i < results.length; i++) {
            if (decisions.get(i) instanceof AcceptDecision.Refused refused) {
                results[i] = refused.result();
                continue;
            }
            AcceptDecision.Accepted accepted = (AcceptDecision.Accepted) decisions.get(i);
            long parentId = partIds[next];
            Schedule schedule = accepted.message().schedule();
            Options message = accepted.message().options();
            String destAddr = message.get(OptionNames.DESTADDR);
            String username = message.get(OptionNames.USERNAME);
            for (Options part : accepted.parts()) {
                part.set(OptionNames.ID, parentId);
                rowsToInsert.add(new NewMessage(partIds[next++], parentId, part.get(OptionNames.CONNECTOR),
                        accepted.outConnector(), schedule.priority(), schedule.dueAt(), schedule.expiresAt(), destAddr,
                        username, OptionCodec.encode(part), null));
            }
            results[i] = accepted.result(parentId);
        }
        commits.commit(rowsToInsert, now);
        return new AcceptOutcome(List.of(results), null);
    }

    private static int partCount(List<AcceptDecision> decisions) {
        int count = 0;
        for (AcceptDecision decision : decisions) {
            if (decision instanceof AcceptDecision.Accepted accepted) {
                count += accepted.parts().size();
            }
        }
        return count;
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

    @Override
    public Optional<LastReport> lastReport(long id) {
        return reports.last(id);
    }
}
