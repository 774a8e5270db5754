package org.openemg.web.http;

/** What the HTTP connector answers, before JAX-RS turns it into a response. */
public record Reply(int httpStatus, String mediaType, String body) {
}
