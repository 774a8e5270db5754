package org.openemg.core.text;

import static org.openemg.core.message.OptionNames.CHARCODE;
import static org.openemg.core.message.OptionNames.DCS;
import static org.openemg.core.message.OptionNames.MESSAGE;
import static org.openemg.core.message.OptionNames.MSGCLASS;

import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;

/**
 * The user data of a message without its header: the data_coding it goes out with and its units
 * in that coding (unpacked septets, UTF-16BE octets, or octets), read from MESSAGE, CHARCODE, DCS
 * and MSGCLASS.
 */
final class MessageBody {

    static final int CHARCODE_DEFAULT = 0;
    static final int CHARCODE_GSM = 1;
    static final int CHARCODE_BINARY = 2;
    static final int CHARCODE_LATIN1 = 3;
    static final int CHARCODE_UCS2 = 4;
    static final int CHARCODE_UTF8 = 32;

    final Alphabet alphabet;
    final int dataCoding;
    final byte[] units;
    /** The message was given as hex octets: its parts stay hex. */
    final boolean binary;

    private MessageBody(Alphabet alphabet, int dataCoding, byte[] units, boolean binary) {
        this.alphabet = alphabet;
        this.dataCoding = dataCoding;
        this.units = units;
        this.binary = binary;
    }

    static MessageBody of(Options options) {
        String message = options.getOrDefault(MESSAGE, "");
        int messageClass = options.getInt(MSGCLASS, -1);
        if (messageClass < -1 || messageClass > 3) {
            throw GatewayException.invalidArgument(MSGCLASS);
        }
        byte[] octets = null;
        String text = message;
        Alphabet natural;
        switch (options.getInt(CHARCODE, CHARCODE_DEFAULT)) {
            case CHARCODE_DEFAULT, CHARCODE_UTF8 -> natural = GsmAlphabet.canEncode(text) ? Alphabet.GSM : Alphabet.UCS2;
            case CHARCODE_GSM -> {
                if (!GsmAlphabet.canEncode(text)) {
                    throw GatewayException.invalidArgument(MESSAGE);
                }
                natural = Alphabet.GSM;
            }
            case CHARCODE_BINARY -> {
                octets = Hex.decode(message, MESSAGE);
                natural = Alphabet.OCTETS;
            }
            case CHARCODE_LATIN1 -> {
                if (!Latin1.canEncode(text, 0x100)) {
                    throw GatewayException.invalidArgument(MESSAGE);
                }
                natural = Alphabet.LATIN1;
            }
            case CHARCODE_UCS2 -> {
                if (Hex.isHex(message, 4)) {
                    text = Ucs2.decode(Hex.decode(message, MESSAGE));
                }
                natural = Alphabet.UCS2;
            }
            default -> throw GatewayException.invalidArgument(CHARCODE);
        }
        int dataCoding;
        String dcs = options.get(DCS);
        if (dcs == null || dcs.isEmpty()) {
            dataCoding = natural.dataCoding(messageClass);
        } else {
            dataCoding = options.getInt(DCS, 0);
            if (dataCoding < 0 || dataCoding > 0xFF) {
                throw GatewayException.invalidArgument(DCS);
            }
        }
        Alphabet alphabet = Alphabet.of(dataCoding);
        if (octets != null) {
            if (alphabet == Alphabet.UCS2 && (octets.length & 1) != 0) {
                throw GatewayException.invalidArgument(MESSAGE);
            }
            return new MessageBody(alphabet, dataCoding, octets, true);
        }
        byte[] units = encode(text, alphabet);
        if (units == null) {
            throw GatewayException.invalidArgument(DCS);
        }
        return new MessageBody(alphabet, dataCoding, units, false);
    }

    /** The text in the alphabet, or null when it does not fit. */
    private static byte[] encode(String text, Alphabet alphabet) {
        return switch (alphabet) {
            case GSM -> GsmAlphabet.canEncode(text) ? GsmAlphabet.encode(text) : null;
            case UCS2 -> Ucs2.encode(text);
            case LATIN1, OCTETS -> Latin1.canEncode(text, 0x100) ? Latin1.encode(text) : null;
            case ASCII -> Latin1.canEncode(text, 0x80) ? Latin1.encode(text) : null;
            case OTHER -> null;
        };
    }

    /** The CHARCODE that says how {@link #message} writes a part. */
    int charcode() {
        if (binary) {
            return CHARCODE_BINARY;
        }
        return switch (alphabet) {
            case GSM -> CHARCODE_GSM;
            case UCS2 -> CHARCODE_UTF8;
            default -> CHARCODE_LATIN1;
        };
    }

    /** MESSAGE for the units [from, to): text that encodes back to exactly these units, or hex. */
    String message(int from, int to) {
        if (binary) {
            return Hex.encode(units, from, to);
        }
        return switch (alphabet) {
            case GSM -> GsmAlphabet.decode(units, from, to - from);
            case UCS2 -> Ucs2.decode(units, from, to - from);
            default -> Latin1.decode(units, from, to - from);
        };
    }
}
