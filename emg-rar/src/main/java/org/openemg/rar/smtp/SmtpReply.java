package org.openemg.rar.smtp;

import org.openemg.core.message.Status;
import org.subethamail.smtp.RejectException;

/**
 * The SMTP replies of the gateway's answers: what a client may try again later is a 4xx (queue full,
 * the gateway not ready), everything else a 5xx; the text is the gateway's status text.
 */
final class SmtpReply {

    static final String ACCEPTED = "Messaging accepted (id=%s)";
    static final int RELAYING_DENIED = 550;

    private SmtpReply() {
    }

    static int code(Status status) {
        return switch (status) {
            case QUEUE_FULL -> 452;
            case UNSPECIFIED -> 451;
            case INVALID_LOGIN -> 530;
            case INSUFFICIENT_CREDIT -> 552;
            default -> 554;
        };
    }

    static RejectException refusal(Status status, String statusText) {
        return new RejectException(code(status), statusText);
    }

    /** The operator paused SMTP (stopped its MDB's delivery): RFC 5321's "service not available". */
    static RejectException paused() {
        return new RejectException(421, "Service not available, try again later");
    }

    static RejectException notNow() {
        return new RejectException(451, "Temporary failure, try again later");
    }
}
