package org.openemg.ejb.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Endpoint;
import org.openemg.core.config.Protocol;
import org.openemg.core.config.ServerConfig;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.rar.api.OutgoingSmppSettings;
import org.openemg.rar.api.SmscConnectionFactory;

/**
 * Starts one dispatcher per outgoing connector the gateway can serve, and logs once each
 * configured connector it cannot serve yet. Woken after commits, not by polling.
 */
@Singleton
@Startup
@DependsOn({"RunningConfiguration", "DatabaseSchema"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Dispatchers {

    private static final Logger LOG = Logger.getLogger(Dispatchers.class.getName());
    private static final int BATCH = 500;

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private DispatchWork work;
    @Resource(lookup = "java:/eis/emg/Smsc")
    private SmscConnectionFactory smsc;
    @Resource
    private ManagedThreadFactory threads;

    private final Map<String, DispatchLoop> loops = new ConcurrentHashMap<>();
    private final Map<String, Thread> runners = new ConcurrentHashMap<>();
    private final Map<String, RetryPolicy> retryPolicies = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        int recovered = work.requeueAllInflight();
        if (recovered > 0) {
            LOG.warning(recovered + " message parts were in flight when the gateway stopped; they are queued again"
                    + " (an SMSC may see those submitted before the stop twice)");
        }
        ServerConfig config = configuration.current();
        for (ConnectorConfig connector : config.connectors()) {
            if (connector.type() == Direction.OUTGOING) {
                startOutgoing(connector);
            } else if (connector.protocol() != Protocol.HTTP) {
                LOG.warning("connector " + connector.name() + ": incoming " + connector.protocol()
                        + " is not available yet; skipped");
            }
        }
    }

    private void startOutgoing(ConnectorConfig connector) {
        retryPolicies.put(connector.name(), new RetryPolicy(connector.maxAttempts(), connector.retryDelaySeconds() * 1000L));
        DispatchLoop loop;
        switch (connector.protocol()) {
            case SINK -> {
                DispatchLoop[] self = new DispatchLoop[1];
                loop = new DispatchLoop(connector.name(), new SinkOutlet(work, n -> self[0].settled(n)), work, BATCH * 2, BATCH);
                self[0] = loop;
            }
            case SMPP -> {
                work.prepareReceiptTurn(connector.name());
                OutgoingSmppSettings settings = smppSettings(connector);
                int window = settings.instances() * settings.windowSize();
                loop = new DispatchLoop(connector.name(), new SmppOutlet(smsc, settings), work,
                        Math.max(window * 4, 100), BATCH);
            }
            default -> {
                LOG.warning("connector " + connector.name() + ": outgoing " + connector.protocol()
                        + " is not available yet; skipped");
                return;
            }
        }
        loops.put(connector.name(), loop);
        Thread thread = threads.newThread(loop);
        thread.setName("emg-dispatch-" + connector.name());
        runners.put(connector.name(), thread);
        thread.start();
    }

    private static OutgoingSmppSettings smppSettings(ConnectorConfig c) {
        Endpoint address = c.address().orElseThrow(
                () -> new IllegalStateException("connector " + c.name() + ": outgoing SMPP needs ADDRESS=host:port"));
        return new OutgoingSmppSettings(c.name(), address.host(), address.port(), c.instances(),
                OutgoingSmppSettings.BindMode.valueOf(c.mode().name()), c.username().orElse(""),
                c.password().orElse(""), c.systemType().orElse(""), c.windowSize(), c.keepAliveSeconds());
    }

    @PreDestroy
    void stop() {
        loops.forEach((name, loop) -> loop.stop(runners.get(name)));
        loops.clear();
        runners.clear();
    }

    /** Whether messages routed to this connector are carried on (its dispatcher runs). */
    public boolean serves(String connector) {
        return loops.containsKey(connector);
    }

    public void wake(Iterable<String> connectors) {
        for (String name : connectors) {
            DispatchLoop loop = loops.get(name);
            if (loop != null) {
                loop.wake();
            }
        }
    }

    public void settled(String connector, int count) {
        DispatchLoop loop = loops.get(connector);
        if (loop != null) {
            loop.settled(count);
        }
    }

    public RetryPolicy retryPolicy(String connector) {
        return retryPolicies.get(connector);
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void requeueExpiredLeases() {
        int requeued = work.requeueExpiredLeases();
        if (requeued > 0) {
            LOG.warning(requeued + " message parts had no result within their lease; queued again"
                    + " (an SMSC may see them twice)");
        }
        int purged = work.purgeStaleEarlyReceipts();
        if (purged > 0) {
            LOG.warning(purged + " receipts matched no submitted message within an hour; dropped");
        }
    }
}
