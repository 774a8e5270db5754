package org.openemg.web.pap;

/** One HTTP request to {@code /pap}, without its body: where it came in and from, and its headers of interest. */
public record PapCall(int localPort, String remoteIp, String url, String contentType, String authorization) {
}
