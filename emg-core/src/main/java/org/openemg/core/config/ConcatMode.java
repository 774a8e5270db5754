package org.openemg.core.config;

/** Connector CONCAT: how long messages are tied together (spec section 1; default 8-bit reference UDH). */
public enum ConcatMode implements Setting.Choice {
    UDH_8BIT("8BIT"),
    UDH_16BIT("16BIT"),
    SAR("SAR"),
    PAYLOAD("PAYLOAD");

    private final String keywordValue;

    ConcatMode(String keywordValue) {
        this.keywordValue = keywordValue;
    }

    @Override
    public String keywordValue() {
        return keywordValue;
    }

    /** The mode of a CONCAT value; absent or blank is 8BIT, anything unknown an IllegalArgumentException. */
    public static ConcatMode parse(String value) {
        if (value == null || value.isBlank()) {
            return UDH_8BIT;
        }
        String wanted = value.trim().toUpperCase(java.util.Locale.ROOT);
        for (ConcatMode mode : values()) {
            if (mode.keywordValue.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("CONCAT must be 8BIT, 16BIT, SAR or PAYLOAD: " + value);
    }
}
