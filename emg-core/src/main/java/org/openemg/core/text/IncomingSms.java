package org.openemg.core.text;

/**
 * One SMS as received: data_coding and esm_class, the parsed header ({@link UserDataHeader#NONE}
 * when none), the user data after the header, its text (null when the coding is 8-bit or
 * unknown: then {@code data} is the message), and its place in a concatenated message (null when
 * it stands alone).
 */
public record IncomingSms(int dataCoding, int esmClass, UserDataHeader header, byte[] data, String text, Concat concat) {

    public Alphabet alphabet() {
        return Alphabet.of(dataCoding);
    }

    public boolean isBinary() {
        return text == null;
    }
}
