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
}
