package org.openemg.core.pap;

import org.openemg.core.mime.MediaType;
import org.openemg.core.mime.MimeException;
import org.openemg.core.mime.MimePart;
import org.openemg.core.wbxml.CoDocument;
import org.openemg.core.wbxml.DocumentException;
import org.openemg.core.wbxml.SiDocument;
import org.openemg.core.wbxml.SlDocument;
import org.openemg.core.wsp.PushApplicationId;
import org.openemg.core.wsp.WspPushPdu;

/**
 * The content entity of a push submission: its Content-Type, its body with the transfer encoding
 * undone, and its X-Wap-Application-Id (null when absent). Its other headers stay behind: only
 * what the handset needs goes over the air.
 */
public record PushContent(MediaType type, byte[] body, PushApplicationId applicationId) {

    static PushContent of(MimePart part) throws MimeException {
        if (part.header("Content-Type") == null) {
            throw new MimeException("content entity without Content-Type");
        }
        String application = part.header("X-Wap-Application-Id");
        return new PushContent(part.contentType(), part.decodedBody(),
                application == null || application.isBlank() ? null : PushApplicationId.parse(application));
    }

    /**
     * The Push PDU: SI, SL and CO compiled to WBXML, any other type (pre-compiled WBXML included)
     * as it came. The browser's application id is left out: it is what the handset assumes anyway.
     */
    public WspPushPdu toPdu(int transactionId) throws DocumentException {
        String charset = type.parameter("charset");
        MediaType sent;
        byte[] data;
        switch (type.type()) {
            case "text/vnd.wap.si" -> {
                data = SiDocument.parse(body, charset).toWbxml();
                sent = MediaType.of("application/vnd.wap.sic");
            }
            case "text/vnd.wap.sl" -> {
                data = SlDocument.parse(body, charset).toWbxml();
                sent = MediaType.of("application/vnd.wap.slc");
            }
            case "text/vnd.wap.co" -> {
                data = CoDocument.parse(body, charset).toWbxml();
                sent = MediaType.of("application/vnd.wap.coc");
            }
            default -> {
                data = body;
                sent = type;
            }
        }
        PushApplicationId application = applicationId == null || applicationId.isBrowser() ? null : applicationId;
        return new WspPushPdu(transactionId, sent, application, data);
    }
}
