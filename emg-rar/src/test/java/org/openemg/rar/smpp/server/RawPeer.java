package org.openemg.rar.smpp.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import org.openemg.rar.smpp.link.PduFrame;

/** A client that writes PDUs as given and reads whatever comes back, for what a well-behaved ESME never sends. */
final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }

    /** The next PDU from the server; an IOException when it closed the connection. */
    PduFrame read() throws IOException {
        int length = in.readInt();
        byte[] pdu = new byte[length];
        ByteBuffer.wrap(pdu).putInt(length);
        in.readFully(pdu, 4, length - 4);
        ByteBuffer header = ByteBuffer.wrap(pdu);
        header.getInt();
        return new PduFrame(header.getInt(), header.getInt(), header.getInt(), pdu);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
