package org.openemg.rar.smpp.client;

import org.openemg.rar.api.DeliverSmEvent;

/**
 * Takes a deliver_sm (receipt or MO message) received on an outgoing connector. Called on the bind's
 * reader thread, so it should hand the event on quickly.
 */
public interface DeliverHandler {

    /** @return the command_status of the deliver_sm_resp (0 to accept it) */
    int deliver(String connector, DeliverSmEvent event);
}
