package org.openemg.rar.smpp.client;

import org.jsmpp.bean.DeliverSm;

/**
 * Takes a deliver_sm (receipt or MO message) received on an outgoing connector. Called on the bind's
 * reader thread before the deliver_sm_resp is written, so it should hand the message on quickly.
 */
public interface DeliverHandler {

    /** @return the command_status of the deliver_sm_resp (0 once the gateway kept it) */
    int deliver(String connector, DeliverSm deliverSm);
}
