package org.openemg.rar.smpp.client;

import java.util.List;
import org.jsmpp.bean.DeliverSm;

/**
 * Takes the deliver_sm (receipts and MO messages) that the binds of an outgoing connector received while
 * the previous group was being kept: one call, so one transaction, for the group.
 */
public interface DeliverHandler {

    /** @return the command_status of each deliver_sm_resp, in order (0 once the gateway kept it) */
    List<Integer> deliver(String connector, List<DeliverSm> group);
}
