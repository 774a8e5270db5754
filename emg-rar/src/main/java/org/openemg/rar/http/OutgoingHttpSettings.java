package org.openemg.rar.http;

import java.net.URI;
import org.openemg.core.config.CallMethod;
import org.openemg.core.config.ConnectorConfig;

/** What an outgoing HTTP connector runs with: the URL it calls (ADDRESS), how (METHOD), and WINDOWSIZE calls at a time. */
public record OutgoingHttpSettings(String connector, URI url, CallMethod method, int window) {

    public static OutgoingHttpSettings of(ConnectorConfig connector) {
        String url = connector.address().flatMap(a -> a.url()).orElseThrow(() -> new IllegalArgumentException(
                "outgoing HTTP connector " + connector.name() + " needs ADDRESS=<URL>"));
        return new OutgoingHttpSettings(connector.name(), URI.create(url), connector.callMethod(),
                Math.max(1, connector.windowSize()));
    }
}
