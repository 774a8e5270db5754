package org.openemg.rar.api;

import java.util.List;

/** The message listener the resource adapter calls (the MDB in emg-ejb implements it). */
public interface GatewayListener {

    /** deliver_sm_resp status: kept. */
    int KEPT = 0x00;
    /** deliver_sm_resp status ESME_RX_T_APPN: not kept now; the SMSC offers it again later. */
    int TRY_AGAIN_LATER = 0x64;

    /** Results of submits on an outgoing connector, grouped; called from the adapter's flusher, never per message. */
    void submitResults(String connector, List<SubmitResult> results);

    /**
     * A deliver_sm from an SMSC (a receipt or an MO message), called before it is answered: the
     * returned SMPP command_status is what the SMSC gets, so 0 only once the gateway has kept it.
     */
    int deliver(String connector, DeliverSmEvent event);
}
