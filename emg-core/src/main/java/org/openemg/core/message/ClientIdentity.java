package org.openemg.core.message;

/**
 * Who handed messages to an incoming connector: the user a connector already logged in (an SMPP bind,
 * SMTP AUTH), null when it logged in nobody, and the client's remote address.
 */
public record ClientIdentity(String user, String remoteAddress) {

    public static ClientIdentity anonymous(String remoteAddress) {
        return new ClientIdentity(null, remoteAddress);
    }
}
