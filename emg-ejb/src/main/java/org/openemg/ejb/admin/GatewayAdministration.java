package org.openemg.ejb.admin;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.openemg.core.admin.AdminAccess;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.OptionCodec;
import org.openemg.ejb.account.AccountBook;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.dispatch.ConnectorHolds;
import org.openemg.ejb.dispatch.DispatchLoops;
import org.openemg.ejb.dlr.DeliveryReports;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.LoggedPart;
import org.openemg.ejb.store.MessageLog;
import org.openemg.ejb.store.MessageSearch;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;
import org.openemg.rar.api.LinkFigures;

/** What the admin API reads and does: the gateway's state, its connectors and queues, the message log. */
@Stateless
public class GatewayAdministration {

    private static final Logger LOG = Logger.getLogger(GatewayAdministration.class.getName());
    /** Parts cleared in one go; a clear of a longer queue repeats. */
    private static final int CLEAR_GROUP = 1_000;

    @EJB
    private AccountBook accounts;
    @EJB
    private RunningConfiguration configuration;
    @EJB
    private Outlets outlets;
    @Inject
    private DispatchLoops loops;
    @Inject
    private ConnectorHolds holds;
    @EJB
    private ConfigurationReload reload;
    @Inject
    private MessageLog log;
    @Inject
    private DeliveryReports reports;
    @Resource(lookup = ConnectorConnectionFactory.JNDI_NAME)
    private ConnectorConnectionFactory adapter;
    @Resource
    private SessionContext context;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AdminAccess access(String username, String password) {
        AdminAccess access = AdminAccess.of(configuration.current(), username, password);
        if (access != AdminAccess.GRANTED) {
            LOG.fine(() -> "admin access " + access + " for user " + username);
        }
        return access;
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public GatewayInfo info() {
        ServerConfig config = configuration.current();
        Instant started = configuration.startedAt();
        int running = (int) config.connectors().stream().map(ConnectorConfig::name).filter(outlets::isOpen).count();
        return new GatewayInfo(GatewayVersion.PRODUCT, GatewayVersion.VERSION, Duration.between(started, Instant.now()).toSeconds(),
                started.toString(), configuration.emgDir().toString(), config.nodeId(), config.connectors().size(),
                running, configuration.loadedAt().toString());
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReloadOutcome reload() {
        return reload.reload();
    }

    public List<ConnectorStatus> connectors() {
        List<ConnectorConfig> connectors = configuration.current().connectors();
        Map<String, Map<MessageState, Integer>> depths = log.queueDepths(connectors.stream().map(ConnectorConfig::name).toList());
        List<ConnectorStatus> all = new ArrayList<>();
        try (ConnectorConnection c = adapter.getConnection()) {
            for (ConnectorConfig connector : connectors) {
                all.add(status(connector, c, depths.getOrDefault(connector.name(), Map.of())));
            }
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
        return all;
    }

    private ConnectorStatus status(ConnectorConfig connector, ConnectorConnection c, Map<MessageState, Integer> depth) {
        String name = connector.name();
        boolean adapterRuns = c.runs(connector);
        LinkFigures figures = adapterRuns ? c.figures(name) : LinkFigures.NOT_RUNNING;
        boolean held = holds.isHeld(name);
        ConnectorState state = ConnectorState.of(connector, outlets.isOpen(name), adapterRuns, figures, held);
        return new ConnectorStatus(name, connector.protocol().name(), connector.type().name(), state.name(), held,
                figures.linksConfigured(), figures.linksUp(), depth.getOrDefault(MessageState.QUEUED, 0),
                depth.getOrDefault(MessageState.INFLIGHT, 0), figures.windowInUse(), figures.windowSize(),
                loops.sentPerSecond(name));
    }

    public QueuePage queue(String connector, int offset, int limit) {
        known(connector);
        page(offset, limit);
        return new QueuePage(connector, offset, limit, log.queue(connector, offset, limit));
    }

    public ConnectorAction hold(String connector) {
        known(connector);
        holds.hold(connector);
        loops.wake(List.of(connector));
        LOG.info("connector " + connector + " held by an operator");
        return new ConnectorAction(connector, "hold", 0, "nothing is sent until unhold");
    }

    public ConnectorAction unhold(String connector) {
        known(connector);
        holds.unhold(connector);
        loops.wake(List.of(connector));
        LOG.info("connector " + connector + " released by an operator");
        return new ConnectorAction(connector, "unhold", 0, "sending again");
    }

    /** Closes the connector's links and opens them again with the running configuration. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectorAction bounce(String connector) {
        ConnectorConfig config = known(connector);
        try (ConnectorConnection c = adapter.getConnection()) {
            if (!c.runs(config) || !outlets.isOpen(connector)) {
                throw AdminRefusal.badRequest("connector " + connector + " has no links of its own to rebind");
            }
            c.shutdown(connector);
            c.open(configuration.current(), connector);
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
        LOG.info("connector " + connector + " rebound by an operator");
        return new ConnectorAction(connector, "bounce", 0, "links closed and opened again");
    }

    /**
     * Ends the connector's queued messages DELETED, with the DLR each originator asked for; what is in flight
     * finishes as it will. Groups of {@link #CLEAR_GROUP}, one transaction each, until the queue is empty.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectorAction clear(String connector) {
        GatewayAdministration self = context.getBusinessObject(GatewayAdministration.class);
        known(connector);
        int deleted = 0;
        int group;
        do {
            group = self.clearGroup(connector);
            deleted += group;
        } while (group > 0);
        LOG.info("connector " + connector + ": " + deleted + " queued messages deleted by an operator");
        return new ConnectorAction(connector, "clear", deleted, "queued messages DELETED");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int clearGroup(String connector) {
        long now = System.currentTimeMillis();
        List<Long> deleted = log.delete(log.queuedIds(connector, CLEAR_GROUP), now);
        reports.issueFor(deleted, now);
        return deleted.size();
    }

    /**
     * 1: closes the connector's links (sockets, listener) and keeps them closed until 0 opens them again.
     * Messages routed to it are still accepted and wait in its queue meanwhile.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectorAction forceClose(String connector, int closed) {
        ConnectorConfig config = known(connector);
        if (closed != 0 && closed != 1) {
            throw AdminRefusal.badRequest("forceclose takes 0 (open) or 1 (close), not " + closed);
        }
        try (ConnectorConnection c = adapter.getConnection()) {
            if (!c.runs(config) || !outlets.isOpen(connector)) {
                throw AdminRefusal.badRequest("connector " + connector + " has no links of its own to close");
            }
            if (closed == 1) {
                c.shutdown(connector);
            } else {
                c.open(configuration.current(), connector);
            }
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
        LOG.info("connector " + connector + (closed == 1 ? " force-closed" : " opened again") + " by an operator");
        return new ConnectorAction(connector, "forceclose", 0, closed == 1 ? "closed until forceclose/0" : "open");
    }

    /**
     * Moves the queued messages of a connector (also of one a reload removed) to another that carries messages
     * on. One UPDATE, committed before the target's dispatcher is woken to claim them.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ConnectorAction moveAll(String from, String to) {
        ConnectorConfig target = known(to);
        if (!target.carriesMessagesOn() || !outlets.carries(to)) {
            throw AdminRefusal.badRequest("connector " + to + " does not carry messages on");
        }
        if (from.equals(to)) {
            throw AdminRefusal.badRequest("moveall needs another connector than " + from);
        }
        int moved = log.move(from, to, System.currentTimeMillis());
        loops.wake(List.of(to));
        LOG.info(moved + " queued messages moved from " + from + " to " + to + " by an operator");
        return new ConnectorAction(from, "moveall", moved, "moved to " + to);
    }

    public QueuePage messages(MessageSearch search) {
        return new QueuePage(null, search.offset(), search.limit(), log.search(search));
    }

    public MessageHistory message(long id) {
        List<LoggedPart> parts = log.parts(id);
        if (parts.isEmpty()) {
            throw AdminRefusal.notFound("no message " + id);
        }
        Map<String, String> options = new LinkedHashMap<>();
        log.options(id).map(OptionCodec::decode).ifPresent(o -> o.asMap().forEach((k, v) -> {
            if (!k.toUpperCase(Locale.ROOT).contains("PASSWORD")) {
                options.put(k, v);
            }
        }));
        Long dlrId = log.reportOf(id).orElse(null);
        return new MessageHistory(id, options, parts, dlrId, dlrId == null ? List.of() : log.parts(dlrId));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<UserEntry> users() {
        List<UserEntry> users = new ArrayList<>();
        for (ConnectorConfig connector : configuration.current().connectors()) {
            connector.users().ifPresent(file -> file.users().forEach(user -> users.add(new UserEntry(
                    connector.name(), user.username(), user.admin(), user.balance().orElse(null), runningBalance(user)))));
        }
        return users;
    }

    /** The balance the database keeps for the user; null for a user without an account (never charged). */
    private BigDecimal runningBalance(User user) {
        return user.chargeable() ? accounts.balance(user.username()).orElse(null) : null;
    }

    private ConnectorConfig known(String connector) {
        return configuration.current().connector(connector)
                .orElseThrow(() -> AdminRefusal.notFound("no connector " + connector + " in the running configuration"));
    }

    private static void page(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MessageSearch.MAX_LIMIT) {
            throw AdminRefusal.badRequest("offset must be 0 or more and limit between 1 and " + MessageSearch.MAX_LIMIT);
        }
    }
}
