package org.openemg.core.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RETENTION: how long a message that reached its final state stays in the message log before it is purged.
 * A number of days, or a number with d, h, m or s; 0 keeps messages for ever.
 */
public final class RetentionPeriod {

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([dhmsDHMS]?)");

    private RetentionPeriod() {
    }

    /** The period, or zero (keep for ever); IllegalArgumentException names the accepted forms. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("RETENTION must be a number of days, or a number followed by d, h, m"
                    + " or s, found '" + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase()) {
            case "", "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
