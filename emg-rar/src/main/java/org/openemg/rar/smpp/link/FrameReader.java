package org.openemg.rar.smpp.link;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/** Reads whole PDUs off one connection: the 16-octet header, then as much body as command_length says. */
final class FrameReader {

    private final DataInputStream in;
    private final int maxLength;

    FrameReader(InputStream in, int maxLength) {
        this.in = new DataInputStream(new BufferedInputStream(in, 16 * 1024));
        this.maxLength = maxLength;
    }

    /** Whether input is buffered, so that the next read will not wait for the peer. */
    boolean hasBuffered() throws IOException {
        return in.available() > 0;
    }

    /** @throws CommandLengthException for a command_length below 16 or above the limit (nothing more is read) */
    PduFrame read() throws IOException {
        int length = in.readInt();
        if (length < PduFrame.HEADER_LENGTH) {
            throw new CommandLengthException(length, 0);
        }
        int commandId = in.readInt();
        int commandStatus = in.readInt();
        int sequenceNumber = in.readInt();
        if (length > maxLength) {
            throw new CommandLengthException(length, sequenceNumber);
        }
        byte[] pdu = new byte[length];
        ByteBuffer.wrap(pdu).putInt(length).putInt(commandId).putInt(commandStatus).putInt(sequenceNumber);
        in.readFully(pdu, PduFrame.HEADER_LENGTH, length - PduFrame.HEADER_LENGTH);
        return new PduFrame(commandId, commandStatus, sequenceNumber, pdu);
    }
}
