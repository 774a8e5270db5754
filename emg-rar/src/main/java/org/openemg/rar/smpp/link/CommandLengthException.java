package org.openemg.rar.smpp.link;

import java.io.IOException;

/**
 * A command_length no PDU can have (shorter than its header, or beyond what the link accepts): where the
 * next PDU starts is unknown, so the link answers generic_nack and closes.
 */
final class CommandLengthException extends IOException {

    private final int sequenceNumber;

    CommandLengthException(int commandLength, int sequenceNumber) {
        super("invalid command_length " + commandLength);
        this.sequenceNumber = sequenceNumber;
    }

    /** The offending PDU's sequence_number, 0 when its header was too short to carry one. */
    int sequenceNumber() {
        return sequenceNumber;
    }
}
