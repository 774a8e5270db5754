package org.openemg.core.pap;

import java.time.Instant;

/**
 * A PAP request the PPG refuses, with everything its answer needs: a push-response with the
 * code when the refusal concerns a push whose push-id is known, otherwise a badmessage-response
 * quoting the offending fragment. The message is the answer's desc.
 */
public final class PapException extends Exception {

    private final PapVersion version;
    private final PapCode code;
    private final String pushId;
    private final String fragment;

    private PapException(PapVersion version, PapCode code, String desc, String pushId, String fragment) {
        super(desc);
        this.version = version;
        this.code = code;
        this.pushId = pushId;
        this.fragment = fragment;
    }

    static PapException badMessage(PapVersion version, PapCode code, String desc, String fragment) {
        return new PapException(version, code, desc, null, fragment);
    }

    static PapException refusedPush(PapVersion version, String pushId, PapCode code, String desc) {
        return new PapException(version, code, desc, pushId, null);
    }

    /** The version the answer is written in: the request's, or 1.0 when it could not be read. */
    public PapVersion version() {
        return version;
    }

    public PapCode code() {
        return code;
    }

    public PapResponse response(PpgIdentity ppg, Instant now) {
        if (pushId != null) {
            return new PushResponse(pushId, code, getMessage(), now, ppg);
        }
        return new BadMessageResponse(code, getMessage(), fragment);
    }

    /** The answer as the XML body of the HTTP response. */
    public String toXml(PpgIdentity ppg, Instant now) {
        return response(ppg, now).toXml(version);
    }
}
