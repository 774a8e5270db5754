package org.openemg.core.message;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** VP and DELTIME values: relative seconds ({@code 3600}) or absolute {@code yyyyMMddHHmmss} UTC. */
public final class DeliveryTime {

    private static final DateTimeFormatter ABSOLUTE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private DeliveryTime() {
    }

    /** When a message with this DELTIME is due; absent means now. */
    public static long dueAt(String deltime, long now) {
        return deltime == null || deltime.isEmpty() ? now : toEpochMilli(deltime, now, OptionNames.DELTIME);
    }

    /** The absolute form of a point in time, as VP and DELTIME accept it. */
    public static String absolute(long epochMilli) {
        return ABSOLUTE.format(java.time.Instant.ofEpochMilli(epochMilli).atOffset(ZoneOffset.UTC));
    }

    public static long toEpochMilli(String value, long now, String option) {
        String v = value.trim();
        if (v.isEmpty() || !v.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw GatewayException.invalidArgument(option);
        }
        if (v.length() == 14) {
            try {
                return LocalDateTime.parse(v, ABSOLUTE).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw GatewayException.invalidArgument(option);
            }
        }
        if (v.length() > 10) {
            throw GatewayException.invalidArgument(option);
        }
        return now + Long.parseLong(v) * 1000L;
    }
}
