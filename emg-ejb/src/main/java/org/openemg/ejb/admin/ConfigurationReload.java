package org.openemg.ejb.admin;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openemg.core.config.ConfigException;
import org.openemg.core.config.ConnectorChanges;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.MessageState;
import org.openemg.ejb.config.RunningConfiguration;
import org.openemg.ejb.dispatch.Dispatchers;
import org.openemg.ejb.outlet.Outlets;
import org.openemg.ejb.store.MessageLog;
import org.openemg.rar.api.ConnectorConnection;
import org.openemg.rar.api.ConnectorConnectionFactory;

/**
 * Reloads server.cfg and its files without a restart, one reload at a time. A file that does not read is
 * refused and nothing changes. Otherwise removed and changed connectors stop first (their dispatcher hands
 * what it held back to the table, the adapter answers what it had unanswered), then the new configuration
 * runs and new and changed connectors start; a changed connector thus rebinds. Messages queued for a
 * removed connector stay queued under its name, logged with their count: they leave when a connector of
 * that name comes back or when an operator moves them (moveall).
 */
@Singleton
@Lock(LockType.WRITE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ConfigurationReload {

    private static final Logger LOG = Logger.getLogger(ConfigurationReload.class.getName());

    @EJB
    private RunningConfiguration configuration;
    @EJB
    private Outlets outlets;
    @EJB
    private Dispatchers dispatchers;
    @Inject
    private MessageLog log;
    @Resource(lookup = ConnectorConnectionFactory.JNDI_NAME)
    private ConnectorConnectionFactory adapter;

    public ReloadOutcome reload() {
        ServerConfig before = configuration.current();
        ServerConfig after;
        try {
            // read here, not in another bean: a ConfigException crossing a bean would reach us as an EJBException
            after = ServerConfigReader.read(configuration.emgDir());
        } catch (ConfigException e) {
            LOG.warning("reload refused, the running configuration stays: " + e.getMessage());
            return ReloadOutcome.refused(e.file(), e.line(), e.problem());
        }
        ConnectorChanges changes = ConnectorChanges.between(before, after);
        List<String> stopping = new ArrayList<>(changes.removed());
        stopping.addAll(changes.changed());
        stopping.forEach(dispatchers::stop);
        configuration.replace(after);
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> starting = new ArrayList<>(changes.added());
        starting.addAll(changes.changed());
        for (String name : starting) {
            try {
                outlets.open(after, name);
                dispatchers.start(name);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reload: connector " + name + " did not start", e);
                failed.put(name, String.valueOf(e.getMessage()));
            }
        }
        refreshUnchanged(after, changes.unchanged(), failed);
        Map<String, Integer> leftQueued = new LinkedHashMap<>();
        Map<String, Map<MessageState, Integer>> depths = log.queueDepths(changes.removed());
        for (String name : changes.removed()) {
            int queued = depths.getOrDefault(name, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            if (queued > 0) {
                LOG.warning("reload removed connector " + name + "; " + queued
                        + " messages stay queued for it until it comes back or they are moved (moveall)");
            }
            leftQueued.put(name, queued);
        }
        LOG.info("reload: added " + changes.added() + ", removed " + changes.removed() + ", restarted "
                + changes.changed() + (failed.isEmpty() ? "" : ", failed " + failed.keySet()));
        return new ReloadOutcome(true, null, 0, null, changes.added(), changes.removed(), changes.changed(), failed,
                leftQueued);
    }

    /**
     * A connector whose section stayed the same may still depend on a file that changed (an incoming SMPP
     * connector's users): the adapter restarts it only when the settings it runs with differ.
     */
    private void refreshUnchanged(ServerConfig after, List<String> unchanged, Map<String, String> failed) {
        try (ConnectorConnection c = adapter.getConnection()) {
            for (String name : unchanged) {
                after.connector(name).filter(cfg -> outlets.isOpen(name) && c.runs(cfg)).ifPresent(cfg -> {
                    try {
                        c.open(after, name);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "reload: connector " + name + " did not restart", e);
                        failed.put(name, String.valueOf(e.getMessage()));
                    }
                });
            }
        } catch (ResourceException e) {
            throw new IllegalStateException("cannot reach the connectors' resource adapter", e);
        }
    }
}
