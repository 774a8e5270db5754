package org.openemg.testkit;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/** An SMPP client that writes PDUs as given and reads whatever comes back, for what a well-behaved ESME never sends. */
public final class RawSmppPeer implements AutoCloseable {

    /** A PDU as read: its header fields and all its octets. */
    public record Pdu(int commandId, int commandStatus, int sequenceNumber, byte[] octets) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawSmppPeer(String host, int port) throws IOException {
        this(null, host, port);
    }

    /** Connected from {@code localAddress} (null: the system's choice), as a client at that address. */
    public RawSmppPeer(String localAddress, String host, int port) throws IOException {
        socket = new Socket();
        socket.setSoTimeout(10_000);
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress(host, port), 10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    public void send(byte[] pdu) throws IOException {
        out.write(pdu);
        out.flush();
    }

    /** The next PDU from the server; an IOException when it closed the connection. */
    public Pdu read() throws IOException {
        int length = in.readInt();
        byte[] pdu = new byte[length];
        ByteBuffer.wrap(pdu).putInt(length);
        in.readFully(pdu, 4, length - 4);
        ByteBuffer header = ByteBuffer.wrap(pdu);
        header.getInt();
        return new Pdu(header.getInt(), header.getInt(), header.getInt(), pdu);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
