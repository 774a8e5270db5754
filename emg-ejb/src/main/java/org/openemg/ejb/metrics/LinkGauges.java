package org.openemg.ejb.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Protocol;
import org.openemg.core.health.SmscBinds;
import org.openemg.core.health.SmscBindsSource;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.dispatch.ConnectorQueues;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.SubmitLatencies;

/**
 * Gauges per connector: queue depth (emg_queue_depth), links configured and up (emg_links_configured,
 * emg_links_up), window in use and size (emg_window_in_use, emg_window_size). A scrape reads figures taken
 * every ten seconds, never the database; the adapter's submit latencies go to {@link TrafficMeters}. It also
 * answers the readiness check with fresh figures of the outgoing SMPP connectors.
 */
@Singleton
@Startup
@DependsOn("Outlets")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@Local(SmscBindsSource.class)
@LocalBean
public class LinkGauges implements SmscBindsSource {

    private static final Logger LOG = Logger.getLogger(LinkGauges.class.getName());

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private Outlets outlets;
    @Resource(lookup = ConnectorConnectionFactory.JNDI_NAME)
    private ConnectorConnectionFactory adapter;
    @Inject
    private ConnectorQueues queues;
    @Inject
    private MeterRegistry registry;
    @Inject
    private TrafficMeters traffic;

    private final Map<String, LinkFigures> figures = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new ArrayList<>();

    @PostConstruct
    void start() {
        try (ConnectorConnection c = adapter.getConnection()) {
            c.observe(traffic::submitAnswered);
        } catch (ResourceException e) {
            LOG.log(Level.WARNING, "submit latencies are not measured: the resource adapter cannot be reached", e);
        }
        refresh();
        for (String connector : outlets.all().keySet()) {
            gauge("emg.queue.depth", connector, queues::depth);
        }
        for (String connector : figures.keySet()) {
            gauge("emg.links.configured", connector, c -> figuresOf(c).linksConfigured());
            gauge("emg.links.up", connector, c -> figuresOf(c).linksUp());
            gauge("emg.window.in.use", connector, c -> figuresOf(c).windowInUse());
            gauge("emg.window.size", connector, c -> figuresOf(c).windowSize());
        }
    }

    /** Figures of the adapter's connectors, for the next scrapes (queue depths are ConnectorQueues', in memory). */
    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void refresh() {
        figures.putAll(adapterFigures(configuration.current().connectors()));
    }

    /** The binds of each outgoing SMPP connector now (not as of the last refresh): what readiness depends on. */
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SmscBinds> smscBinds() {
        List<SmscBinds> binds = new ArrayList<>();
        adapterFigures(configuration.current().connectors().stream()
                .filter(c -> c.type() == Direction.OUTGOING && c.protocol() == Protocol.SMPP)
                .toList())
                .forEach((connector, f) -> binds.add(new SmscBinds(connector, f.linksUp(), f.linksConfigured())));
        return binds;
    }

    private Map<String, LinkFigures> adapterFigures(List<ConnectorConfig> connectors) {
        Map<String, LinkFigures> taken = new LinkedHashMap<>();
        try (ConnectorConnection c = adapter.getConnection()) {
            for (ConnectorConfig connector : connectors) {
                LinkFigures f = c.figures(connector.name());
                if (f.linksConfigured() > 0) {
                    taken.put(connector.name(), f);
                }
            }
        } catch (ResourceException e) {
            LOG.log(Level.FINE, "the resource adapter cannot be reached for its figures", e);
        }
        return taken;
    }

    private LinkFigures figuresOf(String connector) {
        return figures.getOrDefault(connector, LinkFigures.NOT_RUNNING);
    }

    private void gauge(String name, String connector, ToDoubleFunction<String> value) {
        gauges.add(Gauge.builder(name, connector, value).tag("connector", connector).register(registry));
    }

    @PreDestroy
    void stop() {
        try (ConnectorConnection c = adapter.getConnection()) {
            c.observe(SubmitLatencies.NONE);
        } catch (ResourceException | RuntimeException e) {
            // the adapter goes with the deployment
        }
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
