package org.openemg.core.accept;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.message.DeliveryTime;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/** A client's message as the gateway keeps it: its own options stamped, and its schedule read once, at acceptance. */
public record PreparedMessage(Options options, Schedule schedule) {

    /** @throws org.openemg.core.message.GatewayException status 5 naming a bad VP, DELTIME, DLR, PROTOCOLID or PRIORITY */
    public static PreparedMessage of(Options clientOptions, ConnectorConfig incoming, Client client, long now) {
        Options message = GatewayOwnedOptions.stamp(clientOptions, incoming, client);
        Long expiresAt = validUntil(message, now);
        long dueAt = DeliveryTime.dueAt(message.get(OptionNames.DELTIME), now);
        OptionRanges.check(message);
        return new PreparedMessage(message, new Schedule(dueAt, expiresAt, message.getInt(OptionNames.PRIORITY, 0)));
    }

    /** The end of a VP, written back in absolute form: the time spent in the queue counts against it. */
    private static Long validUntil(Options message, long now) {
        String vp = message.get(OptionNames.VP);
        if (vp == null || vp.isEmpty()) {
            return null;
        }
        long expiresAt = DeliveryTime.toEpochMilli(vp, now, OptionNames.VP);
        message.set(OptionNames.VP, DeliveryTime.absolute(expiresAt));
        return expiresAt;
    }
}
