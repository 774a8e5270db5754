package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.rar.api.DeliverSmEvent;

/** What an SMSC delivers on an outgoing connector: receipts for our submits, and MO messages. */
@ApplicationScoped
public class SmscDeliveries {

    private static final Logger LOG = Logger.getLogger(SmscDeliveries.class.getName());
    /** ESME_RX_T_APPN: the SMSC keeps the deliver_sm and tries again later. */
    private static final int TRY_AGAIN_LATER = 0x64;

    private final Set<String> moRefusalLogged = ConcurrentHashMap.newKeySet();

    public int deliver(String connector, DeliverSmEvent event) {
        if (moRefusalLogged.add(connector)) {
            LOG.warning("connector " + connector + ": deliver_sm (receipts, MO) are not handled yet;"
                    + " answered ESME_RX_T_APPN so that the SMSC keeps them");
        }
        return TRY_AGAIN_LATER;
    }
}
