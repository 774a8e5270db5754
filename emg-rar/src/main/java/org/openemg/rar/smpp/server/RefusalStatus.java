package org.openemg.rar.smpp.server;

import java.util.Map;
import org.jsmpp.SMPPConstant;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.RecipientResult;
import org.openemg.core.message.Status;

/**
 * The command_status a client gets for a message the gateway refused: by the gateway's status and, for an
 * invalid argument, by the option that was invalid (the detail of its status text).
 */
final class RefusalStatus {

    static final int ESME_RINVDSTTON = 0x50;
    static final int ESME_RINVDSTNPI = 0x51;
    static final int ESME_RINVSRCTON = 0x48;
    static final int ESME_RINVSRCNPI = 0x49;

    private static final Map<String, Integer> INVALID_OPTION = Map.ofEntries(
            Map.entry(OptionNames.DESTADDR, SMPPConstant.STAT_ESME_RINVDSTADR),
            Map.entry(OptionNames.DESTADDRTON, ESME_RINVDSTTON),
            Map.entry(OptionNames.DESTADDRNPI, ESME_RINVDSTNPI),
            Map.entry(OptionNames.SOURCEADDR, SMPPConstant.STAT_ESME_RINVSRCADR),
            Map.entry(OptionNames.SOURCEADDRTON, ESME_RINVSRCTON),
            Map.entry(OptionNames.SOURCEADDRNPI, ESME_RINVSRCNPI),
            Map.entry(OptionNames.MESSAGE, SMPPConstant.STAT_ESME_RINVMSGLEN),
            Map.entry(OptionNames.UDH, SMPPConstant.STAT_ESME_RINVESMCLASS),
            Map.entry(OptionNames.VP, SMPPConstant.STAT_ESME_RINVEXPIRY),
            Map.entry(OptionNames.DELTIME, SMPPConstant.STAT_ESME_RINVSCHED),
            Map.entry(OptionNames.PRIORITY, SMPPConstant.STAT_ESME_RINVPRTFLG),
            Map.entry(OptionNames.DLR, SMPPConstant.STAT_ESME_RINVREGDLVFLG));

    private RefusalStatus() {
    }

    static int of(RecipientResult result) {
        return of(result.status(), detail(result));
    }

    /** @param invalidOption the option an INVALID_ARGUMENT names, null when none */
    static int of(Status status, String invalidOption) {
        return switch (status) {
            case OK -> SMPPConstant.STAT_ESME_ROK;
            case INVALID_ARGUMENT -> invalidOption == null ? SMPPConstant.STAT_ESME_RSUBMITFAIL
                    : INVALID_OPTION.getOrDefault(invalidOption, SMPPConstant.STAT_ESME_RSUBMITFAIL);
            case NO_ROUTE -> SMPPConstant.STAT_ESME_RINVDSTADR;
            case BLACKLISTED -> SMPPConstant.STAT_ESME_RINVDSTADR;
            case QUEUE_FULL -> SMPPConstant.STAT_ESME_RMSGQFUL;
            case INVALID_LOGIN -> SMPPConstant.STAT_ESME_RINVSYSID;
            case ACCESS_DENIED, INSUFFICIENT_CREDIT -> SMPPConstant.STAT_ESME_RSUBMITFAIL;
            case UNSPECIFIED -> SMPPConstant.STAT_ESME_RSYSERR;
        };
    }

    /** "Invalid argument: DESTADDR" names DESTADDR. */
    private static String detail(RecipientResult result) {
        String text = result.statusText();
        String prefix = result.status().text() + ": ";
        return text != null && text.startsWith(prefix) ? text.substring(prefix.length()) : null;
    }
}
