package org.openemg.core.text;

/**
 * One SMS part as SMPP carries it: data_coding, esm_class (UDHI set when a UDH leads the
 * short message), the short_message octets (UDH included), or the message_payload octets when
 * the part travels in that TLV, and the SAR TLV values when CONCAT=SAR.
 */
public record EncodedSms(byte dataCoding, byte esmClass, byte[] shortMessage, byte[] messagePayload,
                         Integer sarRefNum, Integer sarTotalSegments, Integer sarSegmentSeqnum) {
}
