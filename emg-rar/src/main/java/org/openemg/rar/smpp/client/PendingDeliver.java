package org.openemg.rar.smpp.client;

import org.jsmpp.bean.DeliverSm;
import org.openemg.rar.smpp.link.SmppLink;

/** A deliver_sm read off a link, waiting for its group to be kept before it is answered on that link. */
record PendingDeliver(DeliverSm deliverSm, int sequenceNumber, SmppLink<?> link) {
}
