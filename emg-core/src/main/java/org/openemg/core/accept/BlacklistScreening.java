package org.openemg.core.accept;

import java.util.logging.Logger;
import org.openemg.core.config.Blacklist;
import org.openemg.core.config.BlacklistEntry;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;
import org.openemg.core.message.Status;

/** Holds a message's addresses against the blacklist: a REJECT entry refuses it (14), a LOG entry only logs it. */
public final class BlacklistScreening {

    private static final Logger LOG = Logger.getLogger(BlacklistScreening.class.getName());

    private BlacklistScreening() {
    }

    /** @throws GatewayException {@link Status#BLACKLISTED} when a REJECT entry matches */
    public static void screen(Blacklist blacklist, Options message) {
        blacklist.match(message.get(OptionNames.SOURCEADDR), message.get(OptionNames.DESTADDR)).ifPresent(entry -> {
            if (entry.action() == BlacklistEntry.Action.REJECT) {
                throw new GatewayException(Status.BLACKLISTED);
            }
            LOG.info("blacklisted address " + entry.address() + " logged, message accepted");
        });
    }
}
