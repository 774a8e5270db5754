package org.openemg.core.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * The other connectors a stored message may leave by when its own cannot send (a FAILOVER or LB partner, a
 * fallback of its route), as one column: {@code ,b,c,} in route order, so that the rows a given partner may
 * take over are found with one LIKE.
 */
public final class RoutePartners {

    /** The LIKE escape character {@link #containing} uses. */
    public static final char ESCAPE = '\\';

    private RoutePartners() {
    }

    /** The column's value: null for none. */
    public static String encode(List<String> partners) {
        if (partners.isEmpty()) {
            return null;
        }
        return "," + String.join(",", partners) + ",";
    }

    public static List<String> decode(String column) {
        List<String> partners = new ArrayList<>();
        if (column != null) {
            for (String name : column.split(",")) {
                if (!name.isEmpty()) {
                    partners.add(name);
                }
            }
        }
        return partners;
    }

    /** A LIKE pattern (escape {@link #ESCAPE}) matching a column that names {@code connector}. */
    public static String containing(String connector) {
        StringBuilder pattern = new StringBuilder("%,");
        for (char c : connector.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append(",%").toString();
    }
}
