package org.openemg.core.config;

/** A line of the blacklist file; {@code address} is stored without a leading '+'. */
public record BlacklistEntry(String address, Action action, Field field) {

    public enum Action {
        /** Refuse the message with status 14. */
        REJECT,
        /** Accept the message but log that it matched. */
        LOG
    }

    /** Which address of the message the entry is compared with. */
    public enum Field {
        SOURCEADDR,
        DESTADDR
    }
}
