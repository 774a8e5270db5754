package org.openemg.core.text;

import static org.openemg.core.message.OptionNames.CONCATSMSMAX;
import static org.openemg.core.message.OptionNames.CONCATSMSREF;
import static org.openemg.core.message.OptionNames.CONCATSMSSEQ;
import static org.openemg.core.message.OptionNames.DESTPORT;
import static org.openemg.core.message.OptionNames.MESSAGE;
import static org.openemg.core.message.OptionNames.SOURCEPORT;
import static org.openemg.core.message.OptionNames.UDH;

import java.util.Arrays;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.config.ConcatMode;

/**
 * How a message's body is cut into parts: the header every part shares (client UDH, then the
 * port element), where each part ends, and what ties the parts together.
 */
final class Segmentation {

    private static final int SHORT_MESSAGE_OCTETS = 140;
    private static final int PAYLOAD_OCTETS = 0xFFFF;
    private static final int MAX_PARTS = 255;
    private static final int CONCAT_8BIT_IE = 5;
    private static final int CONCAT_16BIT_IE = 6;

    final MessageBody body;
    final UserDataHeader header;
    final ConcatMode mode;
    /** Concatenation the client did itself (CONCATSMSREF/SEQ/MAX), or null. */
    final Concat given;
    /** Exclusive end of each part in the body's units. */
    final int[] ends;

    private Segmentation(MessageBody body, UserDataHeader header, ConcatMode mode, Concat given, int[] ends) {
        this.body = body;
        this.header = header;
        this.mode = mode;
        this.given = given;
        this.ends = ends;
    }

    static Segmentation of(Options options, ConcatMode mode, int messageLength) {
        MessageBody body = MessageBody.of(options);
        UserDataHeader header = withPorts(options, UserDataHeader.ofHex(options.get(UDH), UDH));
        int limit = mode == ConcatMode.PAYLOAD ? (messageLength > 0 ? messageLength : PAYLOAD_OCTETS) : SHORT_MESSAGE_OCTETS;
        int length = body.units.length;
        int[] single = {length};
        if (header.concat() != null) {
            return fitting(body, header, mode, null, single, capacity(body.alphabet, header.length(), limit));
        }
        Concat given = given(options);
        if (given != null) {
            int reserve = concatHeaderLength(header, mode, given.ref() > 0xFF);
            return fitting(body, header, mode, given, single, capacity(body.alphabet, reserve, limit));
        }
        if (length <= capacity(body.alphabet, header.length(), limit)) {
            return new Segmentation(body, header, mode, null, single);
        }
        int capacity = capacity(body.alphabet, concatHeaderLength(header, mode, mode == ConcatMode.UDH_16BIT), limit);
        if (capacity < 4) {
            throw GatewayException.invalidArgument(UDH);
        }
        int[] ends = new int[Math.min(MAX_PARTS + 1, length / (capacity - 2) + 2)];
        int parts = 0;
        for (int start = 0; start < length; start = ends[parts++]) {
            if (parts == MAX_PARTS) {
                throw GatewayException.invalidArgument(MESSAGE);
            }
            ends[parts] = cut(body, start, capacity);
        }
        return new Segmentation(body, header, mode, null, Arrays.copyOf(ends, parts));
    }

    private static Segmentation fitting(MessageBody body, UserDataHeader header, ConcatMode mode, Concat given,
                                        int[] single, int capacity) {
        if (body.units.length > capacity) {
            throw GatewayException.invalidArgument(MESSAGE);
        }
        return new Segmentation(body, header, mode, given, single);
    }

    private static UserDataHeader withPorts(Options options, UserDataHeader header) {
        String dest = options.get(DESTPORT);
        if (dest == null || dest.isEmpty()) {
            if (options.get(SOURCEPORT) != null && !options.get(SOURCEPORT).isEmpty()) {
                throw GatewayException.invalidArgument(DESTPORT);
            }
            return header;
        }
        int destPort = port(options, DESTPORT, -1);
        int sourcePort = port(options, SOURCEPORT, 0);
        if (header.hasPorts()) {
            return header;
        }
        return header.with(UserDataHeader.IEI_PORTS_16BIT,
                (byte) (destPort >> 8), (byte) destPort, (byte) (sourcePort >> 8), (byte) sourcePort);
    }

    private static int port(Options options, String name, int fallback) {
        int port = options.getInt(name, fallback);
        if (port < 0 || port > 0xFFFF) {
            throw GatewayException.invalidArgument(name);
        }
        return port;
    }

    private static Concat given(Options options) {
        int max = options.getInt(CONCATSMSMAX, 1);
        if (max == 1) {
            return null;
        }
        if (max < 1 || max > MAX_PARTS) {
            throw GatewayException.invalidArgument(CONCATSMSMAX);
        }
        int ref = options.getInt(CONCATSMSREF, -1);
        if (ref < 0 || ref > 0xFFFF) {
            throw GatewayException.invalidArgument(CONCATSMSREF);
        }
        int seq = options.getInt(CONCATSMSSEQ, -1);
        if (seq < 1 || seq > max) {
            throw GatewayException.invalidArgument(CONCATSMSSEQ);
        }
        return new Concat(ref, seq, max);
    }

    /**
     * The header octets a concatenated part is sized for. SAR parts carry no element, but the
     * SMSC adds one when it splits them into SMS, so they are sized as 8-bit ones.
     */
    private static int concatHeaderLength(UserDataHeader header, ConcatMode mode, boolean sixteenBit) {
        int element = mode == ConcatMode.UDH_16BIT || sixteenBit && mode != ConcatMode.SAR ? CONCAT_16BIT_IE : CONCAT_8BIT_IE;
        return Math.max(header.length(), 1) + element;
    }

    /** Units (septets or octets) that fit beside a header of that many octets. */
    private static int capacity(Alphabet alphabet, int headerOctets, int limit) {
        int room = limit - headerOctets;
        if (room <= 0) {
            return 0;
        }
        if (alphabet == Alphabet.UCS2) {
            return room & ~1;
        }
        return alphabet == Alphabet.GSM && limit == SHORT_MESSAGE_OCTETS ? room * 8 / 7 : room;
    }

    /** The end of the part starting at {@code start}: as far as capacity allows without parting an escape or a surrogate pair. */
    private static int cut(MessageBody body, int start, int capacity) {
        byte[] units = body.units;
        int end = Math.min(start + capacity, units.length);
        if (end == units.length) {
            return end;
        }
        if (body.alphabet == Alphabet.GSM) {
            int i = start;
            while (i < end) {
                int next = units[i] == GsmAlphabet.ESCAPE ? i + 2 : i + 1;
                if (next > end) {
                    break;
                }
                i = next;
            }
            return i;
        }
        if (body.alphabet == Alphabet.UCS2 && Character.isHighSurrogate(Ucs2.unit(units, end - 2))
                && Character.isLowSurrogate(Ucs2.unit(units, end))) {
            return end - 2;
        }
        return end;
    }

    int parts() {
        return ends.length;
    }

    int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    /** The concatenation of part {@code index} (0-based), or null for a message that is one part of its own. */
    Concat concat(int index, int ref) {
        if (given != null) {
            return given;
        }
        return ends.length > 1 ? new Concat(ref, index + 1, ends.length) : null;
    }

    /** Whether the parts need a reference from {@link ConcatReferences}, and of which size. */
    boolean needsReference() {
        return given == null && ends.length > 1;
    }

    boolean sixteenBitReference() {
        return mode == ConcatMode.UDH_16BIT || mode == ConcatMode.SAR;
    }

    /** The full header of a part: the shared header, plus the concatenation element where the mode puts it there. */
    UserDataHeader header(Concat concat) {
        if (concat == null || mode == ConcatMode.SAR) {
            return header;
        }
        if (mode == ConcatMode.UDH_16BIT || concat.ref() > 0xFF) {
            return header.with(UserDataHeader.IEI_CONCAT_16BIT, (byte) (concat.ref() >> 8), (byte) concat.ref(),
                    (byte) concat.max(), (byte) concat.seq());
        }
        return header.with(UserDataHeader.IEI_CONCAT_8BIT, (byte) concat.ref(), (byte) concat.max(), (byte) concat.seq());
    }
}
