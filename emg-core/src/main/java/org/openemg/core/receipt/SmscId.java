package org.openemg.core.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keys for matching an SMSC's message id in a receipt to the id it gave in submit_sm_resp,
 * whatever its format (spec section 4).
 *
 * <p>The rule: the id from submit_sm_resp is stored under {@link #normalise}: trimmed and
 * lower-cased; if it then consists only of hex digits, leading zeros are dropped ({@code "0"}
 * when it is all zeros). Anything else (a UUID with dashes, say) is kept apart from case.
 *
 * <p>A receipt's id is looked up under each of its {@link #candidates}, in order: its own
 * normalised form, then, as SMSCs often answer in hex and report in decimal or the other way
 * round, the same number read in the other radix. Because a decimal string is also valid hex,
 * both readings are tried for it. Only numbers up to 2^64-1 are converted.
 *
 * <p>The readings can collide: receipt {@code "12345"} also yields {@code "74565"} (0x12345),
 * which may be another pending message of an SMSC that uses decimal ids throughout. A matcher
 * must therefore take the first candidate that is found, so an exact match always wins.
 */
public final class SmscId {

    private static final String MAX_UNSIGNED_DECIMAL = "18446744073709551615";
    private static final int MAX_UNSIGNED_HEX_DIGITS = 16;

    private SmscId() {
    }

    /** The key under which the id from submit_sm_resp is stored. */
    public static String normalise(String smscId) {
        String id = smscId.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || !isHex(id)) {
            return id;
        }
        int firstSignificant = 0;
        while (firstSignificant < id.length() - 1 && id.charAt(firstSignificant) == '0') {
            firstSignificant++;
        }
        return id.substring(firstSignificant);
    }

    /** The keys to look up for the id in a receipt, best first, without duplicates; none for a blank id. */
    public static List<String> candidates(String idFromReceipt) {
        String id = normalise(idFromReceipt);
        List<String> keys = new ArrayList<>(3);
        if (id.isEmpty()) {
            return keys;
        }
        keys.add(id);
        if (isDecimal(id) && fitsUnsignedDecimal(id)) {
            addIfNew(keys, Long.toUnsignedString(Long.parseUnsignedLong(id), 16));
        }
        if (isHex(id) && id.length() <= MAX_UNSIGNED_HEX_DIGITS) {
            addIfNew(keys, Long.toUnsignedString(Long.parseUnsignedLong(id, 16)));
        }
        return keys;
    }

    private static void addIfNew(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    private static boolean fitsUnsignedDecimal(String digits) {
        return digits.length() < MAX_UNSIGNED_DECIMAL.length()
                || digits.length() == MAX_UNSIGNED_DECIMAL.length() && digits.compareTo(MAX_UNSIGNED_DECIMAL) <= 0;
    }

    private static boolean isDecimal(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isHex(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }
}
