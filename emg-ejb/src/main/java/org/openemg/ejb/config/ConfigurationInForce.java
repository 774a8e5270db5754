package org.openemg.ejb.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;

/**
 * The configuration every request reads, held in memory: a CDI bean, since through the singleton
 * {@link RunningConfiguration} each read went through the EJB interceptors, several times per accepted request
 * (1.1% of WildFly's CPU, and 2.4% for the front-ends' connector lookup, in a profile of single-recipient GETs).
 * {@link RunningConfiguration} reads the files and puts each configuration in force here.
 */
@ApplicationScoped
public class ConfigurationInForce implements IncomingConnectors {

    private volatile ServerConfig config;

    /** The configuration in force; the gateway's startup put one here before any connector takes traffic. */
    public ServerConfig current() {
        ServerConfig now = config;
        if (now == null) {
            throw new IllegalStateException("the gateway's configuration has not been read yet");
        }
        return now;
    }

    void use(ServerConfig read) {
        config = read;
    }

    @Override
    public Optional<ConnectorConfig> incoming(String protocol, int port) {
        return current().incoming(protocol, port);
    }
}
