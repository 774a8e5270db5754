package org.openemg.core.pap;

/**
 * How the PPG names itself in push-response and resultnotification-message: sender-address
 * (its URL) and sender-name; either may be null and is then left out.
 */
public record PpgIdentity(String address, String name) {

    public static final PpgIdentity ANONYMOUS = new PpgIdentity(null, null);
}
