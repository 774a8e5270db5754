package org.openemg.ejb.accept;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.openemg.core.account.Tariff;
import org.openemg.core.accept.AcceptDecision;
import org.openemg.core.accept.Acceptance;
import org.openemg.core.accept.Carriers;
import org.openemg.core.accept.Client;
import org.openemg.core.accept.ClientAuthentication;
import org.openemg.core.accept.Schedule;
import org.openemg.core.accept.StatusReaders;
import org.openemg.core.config.ConnectorConfig;
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
import org.openemg.core.routing.RoutePartners;
import org.openemg.core.routing.RouteResolver;
import org.openemg.ejb.account.AccountBook;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.dispatch.ConnectorQueues;
import org.openemg.ejb.dispatch.DispatchLoops;
import org.openemg.ejb.metrics.TrafficMeters;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.Billing;
import org.openemg.ejb.store.ClientMessageRows;
import org.openemg.ejb.store.GroupCommit;
import org.openemg.ejb.store.MessageIdSource;
import org.openemg.ejb.store.MessageReports;
import org.openemg.ejb.store.MessageRows;
import org.openemg.ejb.store.NewMessage;
import org.openemg.ejb.store.Sender;

/**
 * Accepts the messages of one request: emg-core's {@link Acceptance} decides, this bean gives the
 * accepted parts their ids and inserts them with one JDBC batch. The ids go back only after the
 * commit: the caller's transaction when it has one (an SMSC's MO beside its receipts), otherwise a
 * commit shared with the requests that arrive at the same time ({@link QueueCommits}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageServiceBean implements MessageService {

    @Inject
    private ConfigurationInForce configuration;
    @Inject
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
    @EJB
    private AccountBook accounts;
    @Inject
    private DispatchLoops dispatchers;
    @Inject
    private ConnectorQueues queues;
    @Inject
    private LoginAttempts logins;
    @Inject
    private ClientMessageRows senders;
    @Inject
    private TrafficMeters meters;

    private final RouteResolver routes = new RouteResolver();

    /** The decision for one request, given the acceptance of the running configuration. */
    private interface Decide {
        List<AcceptDecision> with(Acceptance acceptance, ConnectorConfig incoming, long now);
    }

    @Override
    public AcceptOutcome accept(String connectorName, String remoteIp, List<Options> messages) {
        return loggingIn(incoming(configuration.current(), connectorName), remoteIp, () -> counted(connectorName,
                messages.size(), () -> acceptAndStore(connectorName,
                (acceptance, incoming, now) -> acceptance.decide(incoming, remoteIp, messages, now))));
    }

    @Override
    public AcceptOutcome accept(String connectorName, ClientIdentity client, List<Options> messages) {
        return counted(connectorName, messages.size(), () -> acceptAndStore(connectorName,
                (acceptance, incoming, now) -> acceptance.decide(incoming, client, messages, now)));
    }

    /** Counts what became of a request's messages; a refusal of the whole request counts each of them refused. */
    private AcceptOutcome counted(String connectorName, int messages, Supplier<AcceptOutcome> accept) {
        long start = System.nanoTime();
        try {
            AcceptOutcome outcome = accept.get();
            meters.outcomes(connectorName, outcome);
            return outcome;
        } catch (GatewayException refused) {
            meters.refused(connectorName, refused.status(), messages);
            throw refused;
        } finally {
            meters.requestAccepted(connectorName, System.nanoTime() - start);
        }
    }

    @Override
    public List<AcceptOutcome> acceptEach(String connectorName, List<ClientRequest> requests) {
        long start = System.nanoTime();
        try (GroupCommit.Arrival arrival = commits.arrival()) {
            ServerConfig config = configuration.current();
            long now = System.currentTimeMillis();
            List<AcceptOutcome> outcomes = store(config.nodeId(),
                    acceptance(config).decideEach(incoming(config, connectorName), requests, now), now);
            long took = System.nanoTime() - start;
            for (AcceptOutcome outcome : outcomes) {
                meters.outcomes(connectorName, outcome);
                meters.requestAccepted(connectorName, took);
            }
            return outcomes;
        }
    }

    /** A request its account cannot pay for is refused as a whole: status 11, HTTP 402, nothing kept. */
    private AcceptOutcome acceptAndStore(String connectorName, Decide decide) {
        try (GroupCommit.Arrival arrival = commits.arrival()) {
            ServerConfig config = configuration.current();
            long now = System.currentTimeMillis();
            List<AcceptDecision> decisions = decide.with(acceptance(config), incoming(config, connectorName), now);
            AcceptOutcome outcome = store(config.nodeId(), List.of(decisions), now).get(0);
            if (refusedForCredit(outcome)) {
                throw new GatewayException(Status.INSUFFICIENT_CREDIT);
            }
            return outcome;
        }
    }

    /** Status 11 comes only from a request its account could not pay for. */
    private static boolean refusedForCredit(AcceptOutcome outcome) {
        return outcome.results().stream().anyMatch(r -> r.status() == Status.INSUFFICIENT_CREDIT);
    }

    @Override
    public Status login(String connectorName, String user, String password, String remoteAddress) {
        ConnectorConfig incoming = incoming(configuration.current(), connectorName);
        Supplier<Status> check = () -> ClientAuthentication.login(incoming, user, password, remoteAddress);
        return incoming.users().isPresent() ? logins.login(remoteAddress, check) : check.get();
    }

    /** Work that logs a client in with its request: guarded against repeated bad logins where there is a login at all. */
    private <T> T loggingIn(ConnectorConfig incoming, String remoteIp, Supplier<T> work) {
        return incoming.users().isPresent() ? logins.guarded(remoteIp, work) : work.get();
    }

    private static ConnectorConfig incoming(ServerConfig config, String connectorName) {
        return config.connector(connectorName)
                .orElseThrow(() -> new GatewayException(Status.UNSPECIFIED, "unknown connector " + connectorName));
    }

    private Acceptance acceptance(ServerConfig config) {
        return new Acceptance(config, carriers, routes, messageParts.splitter());
    }

    private final Carriers carriers = new Carriers() {
        @Override
        public boolean carries(String connector) {
            return outlets.carries(connector);
        }

        @Override
        public boolean sendsNow(String connector) {
            return dispatchers.sendsNow(connector);
        }

        @Override
        public boolean take(String connector, int parts) {
            return queues.take(connector, parts);
        }
    };

    /**
     * Stores the requests ({@link #insert}); the room their decisions took in their connectors' queues is confirmed
     * for what was committed, and given back for a request its account could not pay for or a failed commit.
     */
    private List<AcceptOutcome> store(int nodeId, List<List<AcceptDecision>> requests, long now) {
        List<AcceptOutcome> outcomes = null;
        try {
            outcomes = insert(nodeId, requests, now);
            return outcomes;
        } finally {
            for (int r = 0; r < requests.size(); r++) {
                boolean kept = outcomes != null && !refusedForCredit(outcomes.get(r));
                for (AcceptDecision decision : requests.get(r)) {
                    if (decision instanceof AcceptDecision.Accepted accepted) {
                        if (kept) {
                            queues.committed(accepted.outConnector(), accepted.parts().size());
                        } else {
                            queues.giveBack(accepted.outConnector(), accepted.parts().size());
                        }
                    }
                }
            }
        }
    }

    /**
     * Gives every accepted part an id and inserts the parts of all requests with one batch, each request charged to
     * its account for its parts (all or none); refused recipients keep their status, and the accepted recipients of
     * a request its account could not pay for are refused with status 11. One outcome per request, with the
     * account's balance after the commit for a request that was charged.
     */
    private List<AcceptOutcome> insert(int nodeId, List<List<AcceptDecision>> requests, long now) {
        int partCount = 0;
        for (List<AcceptDecision> decisions : requests) {
            partCount += partCount(decisions);
        }
        long[] partIds = partCount == 0 ? new long[0] : ids.next(nodeId, partCount);
        List<NewMessage> rowsToInsert = new ArrayList<>(partCount);
        List<Billing.Charge> charges = new ArrayList<>();
        int[] chargeOf = new int[requests.size()];
        List<RecipientResult[]> results = new ArrayList<>(requests.size());
        int next = 0;
        for (int r = 0; r < requests.size(); r++) {
            List<AcceptDecision> decisions = requests.get(r);
            RecipientResult[] each = new RecipientResult[decisions.size()];
            int firstRow = rowsToInsert.size();
            String account = null;
            for (int i = 0; i < each.length; i++) {
                if (decisions.get(i) instanceof AcceptDecision.Refused refused) {
                    each[i] = refused.result();
                    continue;
                }
                AcceptDecision.Accepted accepted = (AcceptDecision.Accepted) decisions.get(i);
                account = accepted.account();
                BigDecimal charge = account == null ? null : Tariff.PER_PART;
                long parentId = partIds[next];
                Schedule schedule = accepted.message().schedule();
                Options message = accepted.message().options();
                String destAddr = message.get(OptionNames.DESTADDR);
                String username = message.get(OptionNames.USERNAME);
                String partners = RoutePartners.encode(accepted.partners());
                for (Options part : accepted.parts()) {
                    part.set(OptionNames.ID, parentId);
                    rowsToInsert.add(new NewMessage(partIds[next++], parentId, accepted.parts().size(), part.get(OptionNames.CONNECTOR),
                            accepted.outConnector(), schedule.priority(), schedule.dueAt(), schedule.expiresAt(), destAddr,
                            username, OptionCodec.encode(part), null, charge, partners));
                }
                each[i] = accepted.result(parentId);
            }
            int rowCount = rowsToInsert.size() - firstRow;
            chargeOf[r] = -1;
            if (account != null && rowCount > 0) {
                chargeOf[r] = charges.size();
                charges.add(new Billing.Charge(account, Tariff.price(rowCount), firstRow, rowCount));
            }
            results.add(each);
        }
        Billing billing = charges.isEmpty() ? Billing.free() : new Billing(charges);
        commits.commit(rowsToInsert, billing, now);
        List<AcceptOutcome> outcomes = new ArrayList<>(requests.size());
        for (int r = 0; r < requests.size(); r++) {
            int charge = chargeOf[r];
            if (charge < 0) {
                outcomes.add(new AcceptOutcome(List.of(results.get(r)), null));
            } else if (billing.refused(charge)) {
                outcomes.add(new AcceptOutcome(unpaid(results.get(r)), null));
            } else {
                String account = charges.get(charge).account();
                outcomes.add(new AcceptOutcome(List.of(results.get(r)), billing.balanceOf(account).orElse(null)));
            }
        }
        return outcomes;
    }

    /** The results of a request its account could not pay for: what was accepted is refused with status 11. */
    private static List<RecipientResult> unpaid(RecipientResult[] results) {
        List<RecipientResult> refused = new ArrayList<>(results.length);
        for (RecipientResult result : results) {
            refused.add(result.isAccepted() ? RecipientResult.refused(new GatewayException(Status.INSUFFICIENT_CREDIT)) : result);
        }
        return refused;
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
    public Optional<MessageStatus> status(long id) {
        return rows.status(id);
    }

    @Override
    public Optional<MessageStatus> status(String connectorName, String remoteIp, String username, String password, long id) {
        ServerConfig config = configuration.current();
        ConnectorConfig asked = incoming(config, connectorName);
        Client client = loggingIn(asked, remoteIp, () -> ClientAuthentication.authenticate(asked, username, password, remoteIp));
        Optional<Sender> sender = senders.sender(id);
        if (sender.isEmpty() || !StatusReaders.mayRead(config, asked, client, sender.get().connector(), sender.get().username())) {
            return Optional.empty();
        }
        return rows.status(id);
    }

    @Override
    public Optional<LastReport> lastReport(long id) {
        return reports.last(id);
    }

    @Override
    public Optional<BigDecimal> balanceOfSender(long id) {
        return accounts.balanceOfSender(id);
    }
}
