package org.openemg.core.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The option bag of one message: upper-case option names (spec section 1) to string values,
 * in the order they were set. Not thread-safe; copy before sharing.
 */
public final class Options {

    private final LinkedHashMap<String, String> values;

    public Options() {
        this.values = new LinkedHashMap<>();
    }

    private Options(LinkedHashMap<String, String> values) {
        this.values = values;
    }

    public static Options of(Map<String, String> map) {
        Options options = new Options();
        map.forEach(options::set);
        return options;
    }

    public Options set(String name, String value) {
        String key = name.toUpperCase(java.util.Locale.ROOT);
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
        return this;
    }

    public Options set(String name, long value) {
        return set(name, Long.toString(value));
    }

    public String get(String name) {
        return values.get(name);
    }

    public Optional<String> find(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String remove(String name) {
        return values.remove(name);
    }

    /** The option as an integer; absent gives {@code fallback}, not a number is an invalid argument. */
    public int getInt(String name, int fallback) {
        String value = values.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw GatewayException.invalidArgument(name);
        }
    }

    public Options copy() {
        return new Options(new LinkedHashMap<>(values));
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Options other && other.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(k).append('=').append(OptionNames.PASSWORD.equals(k) ? "***" : v);
        });
        return sb.append('}').toString();
    }
}
