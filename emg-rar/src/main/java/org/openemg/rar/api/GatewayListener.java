package org.openemg.rar.api;

import java.util.List;

/** The message listener the resource adapter calls (the MDB in emg-ejb implements it). */
public interface GatewayListener {

    /** Results of submits on an outgoing connector, grouped; called from the adapter's flusher, never per message. */
    void submitResults(String connector, List<SubmitResult> results);
}
