package org.openemg.rar.jca;

import java.util.List;
import org.openemg.core.config.ServerConfig;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;

/** A connector the adapter runs: its sockets, its sessions, and the messages it sends. */
interface RunningConnector {

    /** Whether it already runs with the settings this configuration gives it, so reopening changes nothing. */
    boolean runsWith(ServerConfig config);

    /** Queues messages for sending; each gets exactly one result through the listener. */
    void send(List<OutgoingMessage> batch);

    /** Links that can take sends now. */
    int readyCount();

    /** Its links and windows now. */
    LinkFigures figures();

    /** Closes its sockets; what is queued or unanswered is answered LINK_LOST before this returns. */
    void stop();
}
