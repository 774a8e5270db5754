package org.openemg.core.flow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.dlr.DeliveryReport;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * The {@link Pace} of each connector with THROUGHPUT, shared by all its sessions and requests; a reload that
 * changes the rate starts a new one. Thread-safe.
 */
public final class ConnectorPaces {

    private record Entry(double perSecond, Pace pace) {
    }

    private final Map<String, Entry> paces = new ConcurrentHashMap<>();

    /** THROUGHPUT of the connector in messages a second; 0 when it has none. */
    public static double throughput(ConnectorConfig connector) {
        return connector.value("THROUGHPUT").filter(v -> !v.isBlank()).map(Double::parseDouble).orElse(0.0);
    }

    public Pace of(ConnectorConfig connector) {
        double perSecond = throughput(connector);
        if (perSecond <= 0) {
            return Pace.none();
        }
        return paces.compute(connector.name(), (name, entry) ->
                entry != null && entry.perSecond() == perSecond ? entry : new Entry(perSecond, new Pace(perSecond))).pace();
    }

    /** How many of the messages THROUGHPUT counts: all but delivery reports, which are never throttled. */
    public static int paced(Iterable<Options> messages) {
        int count = 0;
        for (Options message : messages) {
            if (!DeliveryReport.MSGTYPE_DLR.equals(message.get(OptionNames.MSGTYPE))) {
                count++;
            }
        }
        return count;
    }
}
