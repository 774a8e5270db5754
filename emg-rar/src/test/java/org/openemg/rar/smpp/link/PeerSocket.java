package org.openemg.rar.smpp.link;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;

/**
 * The far end of a link in a test, speaking raw bytes: what it sends and reads is checked without the
 * link's own framing code. Reads wait at most 30 s, so a missing PDU fails the test instead of hanging it.
 */
public final class PeerSocket implements AutoCloseable {

    /** A PDU as the peer read it. */
    public record Pdu(int commandLength, int commandId, int commandStatus, int sequenceNumber, byte[] body) {
    }

    private final ServerSocket server;
    private final Socket near;
    private final Socket far;
    private final DataInputStream in;
    private final DataOutputStream out;

    /** A connected pair on loopback: {@link #near()} for the link, this object as the far end. */
    public PeerSocket() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        near = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        far = server.accept();
        far.setSoTimeout(30_000);
        in = new DataInputStream(far.getInputStream());
        out = new DataOutputStream(far.getOutputStream());
    }

    /** A peer on a socket the code under test connected to itself. */
    public PeerSocket(ServerSocket server) throws IOException {
        this.server = server;
        this.near = null;
        far = server.accept();
        far.setSoTimeout(30_000);
        in = new DataInputStream(far.getInputStream());
        out = new DataOutputStream(far.getOutputStream());
    }

    public Socket near() {
        return near;
    }

    /** Writes PDUs (or any bytes) in one write, flushed. */
    public void send(byte[]... pdus) throws IOException {
        for (byte[] pdu : pdus) {
            out.write(pdu);
        }
        out.flush();
    }

    /** Writes a header with this command_length and the body given, whatever the length says. */
    public void sendRaw(int commandLength, int commandId, int sequenceNumber, byte[] body) throws IOException {
        ByteBuffer pdu = ByteBuffer.allocate(16 + body.length);
        pdu.putInt(commandLength).putInt(commandId).putInt(0).putInt(sequenceNumber).put(body);
        send(pdu.array());
    }

    public Pdu read() throws IOException {
        int length = in.readInt();
        int id = in.readInt();
        int status = in.readInt();
        int seq = in.readInt();
        byte[] body = new byte[length - 16];
        in.readFully(body);
        return new Pdu(length, id, status, seq, body);
    }

    /** Whether the link closed its side: the next read finds the end of the stream (or a reset). */
    public boolean readsEnd() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        far.close();
        if (near != null) {
            near.close();
        }
        server.close();
    }
}
