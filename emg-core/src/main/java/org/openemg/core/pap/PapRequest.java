package org.openemg.core.pap;

import java.util.List;
import org.openemg.core.mime.MediaType;
import org.openemg.core.mime.MimeException;
import org.openemg.core.mime.MimePart;
import org.openemg.core.mime.Multipart;

/**
 * One PAP request as POSTed to the PPG: the version its control entity was written in, the
 * message, and for a push-message the content entity (null otherwise). A push submission is
 * {@code multipart/related} with the control entity first and the content second (a third,
 * capabilities, part is ignored); the other messages may come as a plain {@code application/xml} body.
 */
public record PapRequest(PapVersion version, PapMessage message, PushContent content) {

    /** What the web side should read at most; larger bodies are refused here too. */
    public static final int MAX_BODY_OCTETS = 256 * 1024;

    /** The request with this Content-Type header value and body; a PapException carries the answer to one that is refused. */
    public static PapRequest parse(String contentType, byte[] body) throws PapException {
        if (body.length > MAX_BODY_OCTETS) {
            throw badMessage("Request larger than " + MAX_BODY_OCTETS + " octets", "");
        }
        MediaType type;
        try {
            type = MediaType.parse(contentType);
        } catch (MimeException e) {
            throw badMessage("Bad Content-Type: " + e.getMessage(), String.valueOf(contentType));
        }
        if (type.is("application/xml") || type.is("text/xml")) {
            ControlEntity control = ControlEntity.parse(body, type.parameter("charset"));
            if (control.message() instanceof PushMessage push) {
                throw PapException.refusedPush(control.version(), push.pushId(), PapCode.BAD_REQUEST,
                        "A push-message comes as multipart/related with its content entity");
            }
            return new PapRequest(control.version(), control.message(), null);
        }
        if (!type.is("multipart/related")) {
            throw badMessage("Content-Type must be multipart/related or application/xml", contentType);
        }
        List<MimePart> parts;
        ControlEntity control;
        try {
            parts = Multipart.split(body, type.parameter("boundary"));
            if (parts.isEmpty()) {
                throw new MimeException("no body part");
            }
            MimePart first = parts.get(0);
            control = ControlEntity.parse(first.decodedBody(), first.contentType().parameter("charset"));
        } catch (MimeException e) {
            throw badMessage("Bad multipart body: " + e.getMessage(), ControlEntity.fragment(body));
        }
        if (!(control.message() instanceof PushMessage push)) {
            return new PapRequest(control.version(), control.message(), null);
        }
        if (parts.size() < 2) {
            throw PapException.refusedPush(control.version(), push.pushId(), PapCode.BAD_REQUEST, "No content entity");
        }
        try {
            return new PapRequest(control.version(), push, PushContent.of(parts.get(1)));
        } catch (MimeException e) {
            throw PapException.refusedPush(control.version(), push.pushId(), PapCode.BAD_REQUEST,
                    "Bad content entity: " + e.getMessage());
        }
    }

    private static PapException badMessage(String desc, String fragment) {
        return PapException.badMessage(PapVersion.V1_0, PapCode.BAD_REQUEST, desc, fragment);
    }

    /** The push-message; an IllegalStateException for any other message. */
    public PushMessage push() {
        if (message instanceof PushMessage push) {
            return push;
        }
        throw new IllegalStateException("not a push-message: " + message.getClass().getSimpleName());
    }
}
