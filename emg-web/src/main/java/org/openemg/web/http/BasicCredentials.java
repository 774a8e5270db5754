package org.openemg.web.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

/** The user and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
public record BasicCredentials(String username, String password) {

    private static final String SCHEME = "Basic ";

    /**
     * The credentials of the header; empty when there is no header or it uses another scheme.
     * A Basic header that does not decode to {@code user:password} is a bad login.
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + ", password=***]";
    }
}
