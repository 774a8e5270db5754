package org.openemg.core.message;

/** The life of a message row (ARCHITECTURE.md); the code is what the database stores. */
public enum MessageState {
    QUEUED(0), INFLIGHT(1), SUBMITTED(2), DELIVERED(3), FAILED(4), EXPIRED(5), DELETED(6);

    private final int code;

    MessageState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static MessageState ofCode(int code) {
        for (MessageState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no message state " + code);
    }

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED || this == DELETED;
    }
}
