package org.openemg.web.pap;

import org.openemg.core.message.Status;
import org.openemg.core.pap.PapCode;

/** The PAP code of a push the gateway's accept path refused, from the gateway status it refused it with. */
final class RefusalCodes {

    private RefusalCodes() {
    }

    /** {@code statusText} tells which option an INVALID_ARGUMENT is about ("Invalid argument: DESTADDR"). */
    static PapCode of(Status status, String statusText) {
        return switch (status) {
            case NO_ROUTE, BLACKLISTED -> PapCode.ADDRESS_ERROR;
            case INVALID_ARGUMENT -> statusText != null && statusText.endsWith("DESTADDR")
                    ? PapCode.ADDRESS_ERROR : PapCode.BAD_REQUEST;
            case INVALID_LOGIN, ACCESS_DENIED, INSUFFICIENT_CREDIT -> PapCode.FORBIDDEN;
            case QUEUE_FULL -> PapCode.SERVICE_UNAVAILABLE;
            case OK, UNSPECIFIED -> PapCode.INTERNAL_SERVER_ERROR;
        };
    }
}
