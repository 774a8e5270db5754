package org.openemg.ejb.admin;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.Direction;
import org.openemg.core.config.Protocol;
import org.openemg.rar.api.LinkFigures;

/** The state /admin/connectors shows for a connector. */
public enum ConnectorState {
    /** A link can send, a listener runs, or it is the sink. */
    UP,
    /** An outgoing connector with no link up (yet). */
    DOWN,
    /** An operator holds it: nothing is sent. */
    HELD,
    /** An operator force-closed its links. */
    CLOSED,
    /** Incoming HTTP and PAP: the web module serves them. */
    ELSEWHERE,
    /** A kind of connector the gateway does not run. */
    UNAVAILABLE;

    /**
     * @param open        whether the gateway opened an outlet for it
     * @param adapterRuns whether it is a kind the resource adapter runs
     * @param figures     its links as the adapter reports them ({@link LinkFigures#NOT_RUNNING} when stopped)
     */
    static ConnectorState of(ConnectorConfig connector, boolean open, boolean adapterRuns, LinkFigures figures,
            boolean held) {
        boolean incoming = connector.type() == Direction.INCOMING;
        if (incoming && (connector.protocol() == Protocol.HTTP || connector.protocol() == Protocol.PAP)) {
            return ELSEWHERE;
        }
        if (!open) {
            return UNAVAILABLE;
        }
        if (adapterRuns && figures.linksConfigured() == 0) {
            return CLOSED;
        }
        if (held) {
            return HELD;
        }
        return incoming || connector.protocol() == Protocol.SINK || figures.linksUp() > 0 ? UP : DOWN;
    }
}
