package org.openemg.web.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of one HTTP request in the order they arrived, repeats kept, names upper case
 * (they are option names, spec section 1), values the octets as sent (see {@link FormDecoder}).
 */
public final class ParameterList {

    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    public void add(String name, String value) {
        names.add(name);
        values.add(value);
    }

    public int size() {
        return names.size();
    }

    public String name(int index) {
        return names.get(index);
    }

    public String value(int index) {
        return values.get(index);
    }

    /** The value of the last parameter named {@code name}, null when there is none. */
    public String last(String name) {
        int index = names.lastIndexOf(name);
        return index < 0 ? null : values.get(index);
    }
}
