package org.openemg.core.pap;

/** An answer the PPG sends as an {@code application/xml} body: to a request, or as a result notification. */
public sealed interface PapResponse permits PushResponse, BadMessageResponse, StatusQueryResponse, CancelResponse,
        ResultNotificationMessage {

    /** The whole document, with the DOCTYPE of {@code version}. */
    String toXml(PapVersion version);
}
