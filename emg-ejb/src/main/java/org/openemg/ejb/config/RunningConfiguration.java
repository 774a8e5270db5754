package org.openemg.ejb.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.Logger;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.ejb.account.AccountBook;

/**
 * The configuration the gateway runs with, read from EMGDIR at deployment and replaced by a reload. A bad
 * file stops the deployment with the error naming file and line. Users with BALANCE or POSTPAID get their
 * accounts opened in the database before the configuration is used.
 */
@Singleton
@Startup
@DependsOn("DatabaseSchema")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RunningConfiguration {

    private static final Logger LOG = Logger.getLogger(RunningConfiguration.class.getName());

    private volatile Instant loadedAt;
    private final Instant startedAt = Instant.now();
    private Path emgDir;

    @EJB
    private AccountBook accounts;
    @Inject
    private ConfigurationInForce inForce;

    /** The accounts a users file opens exist before a message of theirs can be accepted. */
    @PostConstruct
    void load() {
        emgDir = emgDirectory();
        ServerConfig read = ServerConfigReader.read(emgDir);
        accounts.open(read);
        inForce.use(read);
        loadedAt = Instant.now();
        LOG.info("configuration read from " + emgDir.resolve("server.cfg") + ": node " + read.nodeId()
                + ", " + read.connectors().size() + " connectors");
    }

    /** For administration; what requests read is {@link ConfigurationInForce}, without the EJB container. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ServerConfig current() {
        return inForce.current();
    }

    /** From now on the gateway runs with {@code config} (a reload that read it without error); new accounts first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void replace(ServerConfig config) {
        accounts.open(config);
        inForce.use(config);
        loadedAt = Instant.now();
        LOG.info("configuration reloaded from " + emgDir.resolve("server.cfg") + ": " + config.connectors().size()
                + " connectors");
    }

    /** When the running configuration was read. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant loadedAt() {
        return loadedAt;
    }

    /** When the gateway was deployed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Instant startedAt() {
        return startedAt;
    }

    public Path emgDir() {
        return emgDir;
    }

    /** EMGDIR is the system property {@code emg.dir}, else the environment variable EMGDIR. */
    static Path emgDirectory() {
        String dir = System.getProperty("emg.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("EMGDIR");
        }
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("EMGDIR is not set: start the server with -Demg.dir=DIR or EMGDIR=DIR");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isReadable(path.resolve("server.cfg"))) {
            throw new IllegalStateException("no readable server.cfg in EMGDIR " + path);
        }
        return path;
    }
}
