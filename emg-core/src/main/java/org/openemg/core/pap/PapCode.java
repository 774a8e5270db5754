package org.openemg.core.pap;

/**
 * PAP status codes (PAP-WAP.md 1.4): the first digit is the class, 1 success, 2 push initiator
 * error, 3 PPG error, 4 service failure, 5 aborted by the phone.
 */
public enum PapCode {
    OK(1000, "OK"),
    ACCEPTED(1001, "Accepted for processing"),
    BAD_REQUEST(2000, "Bad request"),
    FORBIDDEN(2001, "Forbidden"),
    ADDRESS_ERROR(2002, "Address error"),
    ADDRESS_NOT_FOUND(2003, "Address not found"),
    PUSH_ID_NOT_FOUND(2004, "Push ID not found"),
    CAPABILITIES_MISMATCH(2005, "Capabilities mismatch"),
    REQUIRED_CAPABILITIES_NOT_SUPPORTED(2006, "Required capabilities not supported"),
    DUPLICATE_PUSH_ID(2007, "Duplicate push ID"),
    CANCELLATION_NOT_POSSIBLE(2008, "Cancellation not possible"),
    INTERNAL_SERVER_ERROR(3000, "Internal server error"),
    NOT_IMPLEMENTED(3001, "Not implemented"),
    VERSION_NOT_SUPPORTED(3002, "Version not supported"),
    NOT_POSSIBLE(3003, "Not possible"),
    CAPABILITY_MATCHING_NOT_SUPPORTED(3004, "Capability matching not supported"),
    MULTIPLE_ADDRESSES_NOT_SUPPORTED(3005, "Multiple addresses not supported"),
    TRANSFORMATION_FAILURE(3006, "Transformation failure"),
    DELIVERY_METHOD_NOT_POSSIBLE(3007, "Specified delivery method not possible"),
    CAPABILITIES_NOT_AVAILABLE(3008, "Capabilities not available"),
    REQUIRED_NETWORK_NOT_AVAILABLE(3009, "Required network not available"),
    REQUIRED_BEARER_NOT_AVAILABLE(3010, "Required bearer not available"),
    REPLACEMENT_NOT_SUPPORTED(3011, "Replacement not supported"),
    SERVICE_FAILURE(4000, "Service failure"),
    SERVICE_UNAVAILABLE(4001, "Service unavailable"),
    CLIENT_ABORTED(5000, "Mobile client aborted");

    private final int value;
    private final String description;

    PapCode(int value, String description) {
        this.value = value;
        this.description = description;
    }

    public int value() {
        return value;
    }

    public String description() {
        return description;
    }

    /**
     * The code a received value means. PAP has a receiver treat a code it does not know as the
     * x000 code of its class; a value outside 1000-5999 is an IllegalArgumentException.
     */
    public static PapCode of(int value) {
        if (value < 1000 || value > 5999) {
            throw new IllegalArgumentException("not a PAP code: " + value);
        }
        PapCode classCode = null;
        for (PapCode c : values()) {
            if (c.value == value) {
                return c;
            }
            if (c.value == value / 1000 * 1000) {
                classCode = c;
            }
        }
        return classCode;
    }

    public boolean isSuccess() {
        return value < 2000;
    }
}
