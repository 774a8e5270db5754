package org.openemg.core.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * One {@code KEY=value} (or bare {@code KEY}, value empty) as written at a line of a file, with the
 * conversions that report a bad value against that file and line.
 */
record Setting(String keyword, String value, String file, int line) {

    static Setting parse(String text, String file, int line) {
        int eq = text.indexOf('=');
        String keyword = (eq < 0 ? text : text.substring(0, eq)).strip();
        if (!keyword.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ConfigException(file, line, "expected KEYWORD=value, found '" + text + "'");
        }
        String value = eq < 0 ? "" : text.substring(eq + 1).strip();
        return new Setting(keyword.toUpperCase(Locale.ROOT), value, file, line);
    }

    boolean bare() {
        return value.isEmpty();
    }

    ConfigException error(String problem) {
        return new ConfigException(file, line, problem);
    }

    String required() {
        if (value.isEmpty()) {
            throw error(keyword + " needs a value");
        }
        return value;
    }

    int asInt(int min, int max) {
        int number;
        try {
            number = Integer.parseInt(required());
        } catch (NumberFormatException e) {
            throw error(keyword + " must be a whole number, found '" + value + "'");
        }
        if (number < min || number > max) {
            throw error(keyword + " must be between " + min + " and " + max + ", found " + number);
        }
        return number;
    }

    Duration asRetention() {
        try {
            return RetentionPeriod.parse(required());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    BigDecimal asDecimal() {
        try {
            return new BigDecimal(required());
        } catch (NumberFormatException e) {
            throw error(keyword + " must be a number, found '" + value + "'");
        }
    }

    boolean asFlag() {
        Boolean flag = flagValue(value);
        if (flag == null) {
            throw error(keyword + " must be YES or NO, found '" + value + "'");
        }
        return flag;
    }

    /** A bare keyword or YES/TRUE/1 is on, NO/FALSE/0 off, anything else {@code null}. */
    static Boolean flagValue(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "", "YES", "TRUE", "1" -> Boolean.TRUE;
            case "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    <E extends Enum<E>> E asChoice(Class<E> type) {
        String wanted = required().toUpperCase(Locale.ROOT);
        StringBuilder allowed = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            String name = constant instanceof Choice choice ? choice.keywordValue() : constant.name();
            if (name.equals(wanted)) {
                return constant;
            }
            allowed.append(allowed.length() == 0 ? "" : "|").append(name);
        }
        throw error(keyword + " must be " + allowed + ", found '" + value + "'");
    }

    /** An enum whose configuration spelling is not a valid Java name, such as {@code 8BIT}. */
    interface Choice {
        String keywordValue();
    }
}
