package org.openemg.core.pap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** PAP's one datetime format, {@code YYYY-MM-DDThh:mm:ssZ}, always UTC with a literal T and Z. */
final class PapDateTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withResolverStyle(ResolverStyle.STRICT);

    private PapDateTime() {
    }

    /** The instant written as {@code value}; an IllegalArgumentException when it is not PAP's format or no real time. */
    static Instant parse(String value) {
        try {
            return LocalDateTime.parse(value.trim(), FORMAT).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a PAP datetime (YYYY-MM-DDThh:mm:ssZ): " + value, e);
        }
    }

    static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
