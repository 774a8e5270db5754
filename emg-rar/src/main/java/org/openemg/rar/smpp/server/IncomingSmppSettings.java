package org.openemg.rar.smpp.server;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openemg.core.config.BindMode;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Endpoint;
import org.openemg.core.config.User;

/**
 * What an incoming SMPP connector runs with: where it listens, at most INSTANCES bound sessions, which
 * binds MODE allows (none given: all), WINDOWSIZE unanswered deliver_sm per session, IDLETIMEOUT seconds
 * of silence before a session is closed (0: never), THROUGHPUT submits a second (0: no limit), and the
 * names of its USERS (a message's USERNAME picks a session only when it names one of them).
 */
public record IncomingSmppSettings(String connector, Endpoint address, int instances, Optional<BindMode> mode,
                                   int windowSize, int idleTimeoutSeconds, double throughput, Set<String> users) {

    public static final int DEFAULT_PORT = 2775;
    public static final int DEFAULT_INSTANCES = 100;

    public static IncomingSmppSettings of(ConnectorConfig c) {
        Set<String> users = c.users().map(file -> file.users().stream().map(User::username)
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        return new IncomingSmppSettings(c.name(), c.address().orElse(new Endpoint("", DEFAULT_PORT)),
                c.intValue("INSTANCES", DEFAULT_INSTANCES), c.value("MODE").map(m -> c.mode()),
                Math.max(1, c.windowSize()), c.intValue("IDLETIMEOUT", 0), c.value("THROUGHPUT").map(Double::parseDouble).orElse(0.0), users);
    }

    /** Whether MODE lets a client bind this way: a transceiver connector takes every kind of bind. */
    boolean allows(BindMode bind) {
        return mode.map(m -> m == bind || m == BindMode.TRANSCEIVER).orElse(true);
    }
}
