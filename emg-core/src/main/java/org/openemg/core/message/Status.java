package org.openemg.core.message;

/** Status codes shared by all connectors, the admin API and logs (spec section 3). */
public enum Status {
    OK(0, "OK", 200),
    UNSPECIFIED(1, "Unspecified error", 500),
    INVALID_LOGIN(3, "Invalid login", 401),
    INVALID_ARGUMENT(5, "Invalid argument", 400),
    ACCESS_DENIED(10, "Access denied", 403),
    INSUFFICIENT_CREDIT(11, "Insufficient credit", 402),
    QUEUE_FULL(12, "Queue full", 503),
    NO_ROUTE(13, "No route", 400),
    BLACKLISTED(14, "Blacklisted", 403);

    private final int code;
    private final String text;
    private final int httpStatus;

    Status(int code, String text, int httpStatus) {
        this.code = code;
        this.text = text;
        this.httpStatus = httpStatus;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
