package org.openemg.rar.smpp.client;

import org.openemg.core.message.Status;

/** The deliver_sm_resp command_status for what the gateway made of a delivered message. */
public final class DeliverSmStatus {

    /** ESME_ROK: the gateway kept it. */
    public static final int KEPT = 0x00;
    /** ESME_RX_T_APPN: not kept now; the SMSC offers it again later. */
    public static final int TRY_AGAIN_LATER = 0x64;
    /** ESME_RX_P_APPN: it will never be kept; the SMSC should not offer it again. */
    public static final int NEVER = 0x65;

    private DeliverSmStatus() {
    }

    /** Refusals that may pass (no route yet, a full queue, a failure) ask the SMSC to offer the message again. */
    public static int of(Status status) {
        return switch (status) {
            case OK -> KEPT;
            case INVALID_ARGUMENT, BLACKLISTED, ACCESS_DENIED -> NEVER;
            default -> TRY_AGAIN_LATER;
        };
    }
}
