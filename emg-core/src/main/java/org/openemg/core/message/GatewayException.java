package org.openemg.core.message;

/**
 * A refusal with one of the spec's status codes; {@link #statusText()} is what the client sees. An answer,
 * not a failure: it carries no stack trace, which under the EJB container's deep stacks cost more than the
 * rest of refusing a recipient (100,000 bad DESTADDR in one request took longer than 20 s).
 */
public class GatewayException extends RuntimeException {

    private final Status status;
    private final String detail;

    public GatewayException(Status status, String detail) {
        super(detail == null ? status.text() : status.text() + ": " + detail, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    public GatewayException(Status status) {
        this(status, null);
    }

    public static GatewayException invalidArgument(String which) {
        return new GatewayException(Status.INVALID_ARGUMENT, which);
    }

    public Status status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public String statusText() {
        return getMessage();
    }
}
