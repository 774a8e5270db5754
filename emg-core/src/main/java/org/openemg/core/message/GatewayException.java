package org.openemg.core.message;

/** A refusal with one of the spec's status codes; {@link #statusText()} is what the client sees. */
public class GatewayException extends RuntimeException {

    private final Status status;
    private final String detail;

    public GatewayException(Status status, String detail) {
        super(detail == null ? status.text() : status.text() + ": " + detail);
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
