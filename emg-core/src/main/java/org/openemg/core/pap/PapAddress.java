package org.openemg.core.pap;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PAP client address, {@code WAPPUSH=<client>/TYPE=<type>[/<keyword>=<value>...][@<ppg host>]}
 * (WAP-249 section 6.1, as PAP-WAP.md 1.6 reads it): keys in any case, the {@code @ppg} part
 * optional as WAP-209 has it for phone numbers. {@code value} is the address as the push
 * initiator wrote it, which is what answers must echo.
 */
public record PapAddress(String value, String type, String clientAddress) {

    private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)*");
    private static final Pattern QUALIFIER = Pattern.compile("[A-Za-z0-9-]+=[\\x21-\\x7E&&[^/=]]+");
    private static final Pattern CLIENT = Pattern.compile("[\\x21-\\x7E&&[^/=@]]+");
    /** A global phone number: '+', then digits, '-' and '.' allowed as separators. */
    private static final Pattern PLMN = Pattern.compile("\\+[0-9][0-9.-]*");
    private static final Pattern MSISDN = Pattern.compile("\\+?[0-9]{1,20}");
    private static final int MAX_DIGITS = 20;

    /** The address in {@code value}; an IllegalArgumentException saying what is wrong when it does not follow the grammar. */
    public static PapAddress parse(String value) {
        String rest = value.trim();
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            if (!DOMAIN.matcher(rest.substring(at + 1)).matches()) {
                throw new IllegalArgumentException("bad PPG host in " + value);
            }
            rest = rest.substring(0, at);
        }
        String[] segments = rest.split("/", -1);
        if (segments.length < 2 || !hasKey(segments[0], "WAPPUSH=") || !hasKey(segments[1], "TYPE=")) {
            throw new IllegalArgumentException("not WAPPUSH=<address>/TYPE=<type>: " + value);
        }
        String client = segments[0].substring("WAPPUSH=".length());
        String type = segments[1].substring("TYPE=".length());
        if (!CLIENT.matcher(client).matches() || !CLIENT.matcher(type).matches()) {
            throw new IllegalArgumentException("empty or bad address or type in " + value);
        }
        for (int i = 2; i < segments.length; i++) {
            if (!QUALIFIER.matcher(segments[i]).matches()) {
                throw new IllegalArgumentException("bad qualifier " + segments[i] + " in " + value);
            }
        }
        return new PapAddress(value, type.toUpperCase(Locale.ROOT), client);
    }

    private static boolean hasKey(String segment, String key) {
        return segment.regionMatches(true, 0, key, 0, key.length());
    }

    /**
     * The phone number to send to (DESTADDR): a PLMN number without its separators, or a
     * GSM_MSISDN; empty for the other types (USER, IPv4, IPv6...), which an SMS gateway cannot reach,
     * and for a PLMN value that is not a global number.
     */
    public Optional<String> phoneNumber() {
        if (type.equals("PLMN") && PLMN.matcher(clientAddress).matches()) {
            String number = clientAddress.replace("-", "").replace(".", "");
            return number.length() - 1 <= MAX_DIGITS ? Optional.of(number) : Optional.empty();
        }
        if (type.equals("GSM_MSISDN") && MSISDN.matcher(clientAddress).matches()) {
            return Optional.of(clientAddress);
        }
        return Optional.empty();
    }
}
