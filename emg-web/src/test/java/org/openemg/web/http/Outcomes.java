package org.openemg.web.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.openemg.core.message.AcceptOutcome;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.MessageStatus;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/** The results the format tests write. */
final class Outcomes {

    static final AcceptOutcome ONE_ACCEPTED = new AcceptOutcome(
            List.of(RecipientResult.accepted(25629515L, 1)), new BigDecimal("956489.1699"));

    /** Accepted, refused, accepted in two parts; no balance (a postpaid account). */
    static final AcceptOutcome MIXED = new AcceptOutcome(List.of(
            RecipientResult.accepted(10000000000001L, 1),
            RecipientResult.refused(GatewayException.invalidArgument("DESTADDR")),
            RecipientResult.accepted(10000000000002L, 2)), null);

    static final AcceptOutcome NEEDS_ESCAPING = new AcceptOutcome(List.of(
            new RecipientResult(Status.BLACKLISTED, "Blacklisted: <\"a&b'>\\\n\u0001", null, 0)), null);

    static final MessageStatus SUBMITTED = new MessageStatus(10000000000042L, MessageState.SUBMITTED, "46701234567",
            "http-in", "smpp-out", "0a1b2c", 1, Instant.parse("2025-01-31T12:00:00Z"),
            Instant.parse("2025-01-31T12:00:01Z"));

    /** Still queued: no outgoing connector or SMSC id yet. */
    static final MessageStatus QUEUED = new MessageStatus(7L, MessageState.QUEUED, "46701234567",
            "http-in", null, null, 0, Instant.parse("2025-01-31T12:00:00Z"), null);

    /** A receipt reported the message undeliverable with an SMSC error, and its DLR went back to the client. */
    static final LastReport UNDELIVERABLE = new LastReport("UNDELIVERABLE", Instant.parse("2025-01-31T12:00:09Z"), "069",
            10000000000050L, MessageState.DELIVERED);

    /** Expired in the queue: nobody asked for a DLR. */
    static final LastReport EXPIRED = new LastReport("EXPIRED", Instant.parse("2025-01-31T13:00:00Z"), null, null, null);

    private Outcomes() {
    }
}
