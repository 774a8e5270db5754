package org.openemg.rar.smpp.client;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a VP or DELTIME option (relative seconds, or absolute {@code yyyyMMddHHmmss} UTC) into an
 * SMPP time string: relative {@code YYMMDDhhmmss000R} or absolute {@code YYMMDDhhmmss000+}.
 */
final class SmppTime {

    private static final DateTimeFormatter OPTION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter SMPP_ABSOLUTE = DateTimeFormatter.ofPattern("yyMMddHHmmss'000+'");
    /** The relative form has two digits of days; longer periods are sent as an absolute time. */
    private static final long MAX_RELATIVE_SECONDS = 99L * 86_400 + 86_399;

    private final Clock clock;

    SmppTime(Clock clock) {
        this.clock = clock;
    }

    /**
     * @return the SMPP time, or null (SMSC default) when the option is absent or not positive
     * @throws IllegalArgumentException when the option is neither form
     */
    String fromOption(String option) {
        if (option == null || option.isBlank()) {
            return null;
        }
        String value = option.trim();
        if (value.length() == 14) {
            try {
                return SMPP_ABSOLUTE.format(LocalDateTime.parse(value, OPTION_FORMAT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option, e);
            }
        }
        long seconds;
        try {
            seconds = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option, e);
        }
        if (seconds <= 0) {
            return null;
        }
        if (seconds > MAX_RELATIVE_SECONDS) {
            return SMPP_ABSOLUTE.format(LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plusSeconds(seconds));
        }
        return String.format("0000%02d%02d%02d%02d000R", seconds / 86_400, seconds / 3_600 % 24,
                seconds / 60 % 60, seconds % 60);
    }
}
