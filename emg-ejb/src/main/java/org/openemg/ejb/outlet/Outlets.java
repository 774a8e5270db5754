package org.openemg.ejb.outlet;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.rar.api.ConnectorConnectionFactory;

/**
 * The outlet of every configured connector the gateway runs, by connector name. Which connectors have one
 * is decided by the {@link OutletKind}s, one per way of sending: a new protocol adds a kind, not a branch.
 * Opening an outlet starts its connector, so a connector that only listens (incoming SMTP) is opened here
 * too, and stopped with the rest; only those a route can lead to carry messages on and get a dispatcher.
 * A configured connector nobody serves yet is logged once and skipped.
 */
@Singleton
@Startup
@DependsOn("RunningConfiguration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Outlets {

    private static final Logger LOG = Logger.getLogger(Outlets.class.getName());

    @EJB
    private RunningConfiguration configuration;
    @Resource(lookup = ConnectorConnectionFactory.JNDI_NAME)
    private ConnectorConnectionFactory adapter;
    @Inject
    private Settlement settlement;

    private final Map<String, Outlet> open = new ConcurrentHashMap<>();
    private final Map<String, Outlet> carrying = new ConcurrentHashMap<>();
    private List<OutletKind> kinds;

    @PostConstruct
    void start() {
        kinds = List.of(new SinkKind(settlement), new AdapterKind(adapter));
        ServerConfig config = configuration.current();
        for (ConnectorConfig connector : config.connectors()) {
            open(config, connector.name());
        }
    }

    /** Opens the outlet of a connector of {@code config} (at deployment, or one a reload added or changed). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void open(ServerConfig config, String name) {
        ConnectorConfig connector = config.connector(name)
                .orElseThrow(() -> new IllegalArgumentException("no connector " + name + " in the configuration"));
        Optional<OutletKind> kind = kinds.stream().filter(k -> k.serves(connector)).findFirst();
        if (kind.isPresent()) {
            Outlet outlet = kind.get().open(config, connector);
            open.put(connector.name(), outlet);
            if (connector.carriesMessagesOn()) {
                carrying.put(connector.name(), outlet);
            }
        } else if (!servedElsewhere(connector)) {
            LOG.warning("connector " + connector.name() + ": " + connector.type().name().toLowerCase()
                    + " " + connector.protocol() + " is not available yet; skipped");
        }
    }

    /** Whether the connector's outlet is open (its connector runs, or it is the sink). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isOpen(String connector) {
        return open.containsKey(connector);
    }

    /** Whether messages routed to this connector are carried on. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean carries(String connector) {
        return carrying.containsKey(connector);
    }

    /** The outlets messages can be routed to, each served by a dispatcher. */
    public Map<String, Outlet> all() {
        return Map.copyOf(carrying);
    }

    /** Closes one outlet (its connector's sockets in the adapter); what it still had comes back as results. */
    public void close(String connector) {
        carrying.remove(connector);
        Outlet outlet = open.remove(connector);
        if (outlet != null) {
            outlet.close();
        }
    }

    @PreDestroy
    void stop() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    /** Incoming HTTP and PAP connectors are served by the web module, not by an outlet. */
    private static boolean servedElsewhere(ConnectorConfig connector) {
        return connector.type() == Direction.INCOMING
                && (connector.protocol() == Protocol.HTTP || connector.protocol() == Protocol.PAP);
    }
}
