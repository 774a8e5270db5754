package org.openemg.core.accept;

import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.User;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * The options only the gateway sets (spec section 1): a client's values for them are dropped, and the
 * gateway writes its own. ROUTE and ROUTEDLR belong to the client only where the connector has ALLOWROUTE.
 */
public final class GatewayOwnedOptions {

    private GatewayOwnedOptions() {
    }

    /** A copy of the client's options, without its password, stamped with where and from whom it came. */
    public static Options stamp(Options clientOptions, ConnectorConfig incoming, Client client) {
        Options message = clientOptions.copy();
        message.remove(OptionNames.PASSWORD);
        message.remove(OptionNames.ID);
        message.remove(OptionNames.STATUS);
        message.remove(OptionNames.SMSCID);
        message.remove(OptionNames.OUTUSER);
        if (!incoming.allowRoute()) {
            message.remove(OptionNames.ROUTE);
            message.remove(OptionNames.ROUTEDLR);
        }
        message.set(OptionNames.CONNECTOR, incoming.name());
        message.set(OptionNames.REMOTEIP, client.remoteAddress());
        // a name nobody vouched for must not pick routes or show up as the sender's account
        message.set(OptionNames.USERNAME, client.user().map(User::username).orElse(null));
        return message;
    }
}
