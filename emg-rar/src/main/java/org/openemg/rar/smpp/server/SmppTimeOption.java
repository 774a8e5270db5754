package org.openemg.rar.smpp.server;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Reads an SMPP 3.4 time (validity_period, schedule_delivery_time) into the VP/DELTIME option form:
 * absolute {@code YYMMDDhhmmsstnnp} (quarter hours from UTC, {@code +}/{@code -}) becomes
 * {@code yyyyMMddHHmmss} UTC, relative {@code YYMMDDhhmmss000R} becomes seconds.
 */
final class SmppTimeOption {

    private static final DateTimeFormatter OPTION_FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final int LENGTH = 16;

    private SmppTimeOption() {
    }

    /**
     * @return the option value, or null when the field is empty (the default)
     * @throws IllegalArgumentException when it is no SMPP time
     */
    static String read(String smppTime) {
        if (smppTime == null || smppTime.isEmpty()) {
            return null;
        }
        if (smppTime.length() != LENGTH || !smppTime.substring(0, 13).chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not an SMPP time: " + smppTime);
        }
        int years = field(smppTime, 0);
        int months = field(smppTime, 2);
        int days = field(smppTime, 4);
        int hours = field(smppTime, 6);
        int minutes = field(smppTime, 8);
        int seconds = field(smppTime, 10);
        char kind = smppTime.charAt(15);
        if (kind == 'R') {
            // a relative time counts years as 365 days and months as 30, as SMSCs commonly do
            long total = ((((years * 365L + months * 30L + days) * 24 + hours) * 60 + minutes) * 60) + seconds;
            return Long.toString(total);
        }
        if (kind != '+' && kind != '-' || !Character.isDigit(smppTime.charAt(13)) || !Character.isDigit(smppTime.charAt(14))) {
            throw new IllegalArgumentException("not an SMPP time: " + smppTime);
        }
        int quarters = field(smppTime, 13);
        if (quarters > 48) {
            throw new IllegalArgumentException("not an SMPP time: " + smppTime);
        }
        try {
            LocalDateTime local = LocalDateTime.of(2000 + years, months, days, hours, minutes, seconds);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((kind == '+' ? 1 : -1) * quarters * 15 * 60);
            return OPTION_FORMAT.format(local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not an SMPP time: " + smppTime, e);
        }
    }

    private static int field(String time, int at) {
        return (time.charAt(at) - '0') * 10 + time.charAt(at + 1) - '0';
    }
}
