package org.openemg.core.wsp;

import org.openemg.core.mime.MediaType;

/**
 * A connectionless WSP Push PDU (WAP-230 section 8.2.4.1): transaction id, PDU type 0x06, the
 * length of content type and headers as a uintvar, the content type, the X-Wap-Application-Id
 * header when there is one (null for none), then the body. Nothing else the push initiator sent
 * goes over the air.
 */
public record WspPushPdu(int transactionId, MediaType contentType, PushApplicationId applicationId, byte[] body) {

    private static final int PDU_PUSH = 0x06;
    private static final int HEADER_X_WAP_APPLICATION_ID = 0x2F | 0x80;

    public byte[] toBytes() {
        WspWriter headers = new WspWriter();
        WspContentType.write(contentType, headers);
        if (applicationId != null) {
            headers.octet(HEADER_X_WAP_APPLICATION_ID);
            applicationId.write(headers);
        }
        return new WspWriter()
                .octet(transactionId & 0xFF)
                .octet(PDU_PUSH)
                .uintvar(headers.size())
                .bytes(headers.toBytes())
                .bytes(body)
                .toBytes();
    }
}
