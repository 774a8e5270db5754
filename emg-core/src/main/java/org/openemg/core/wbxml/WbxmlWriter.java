package org.openemg.core.wbxml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a WBXML 1.2 document (WAP-192) in UTF-8 without a string table: the header, then tags,
 * attribute tokens, inline strings and opaque data in document order, the caller closing what it
 * opened with {@link #end()}.
 */
public final class WbxmlWriter {

    private static final int VERSION_1_2 = 0x02;
    private static final int CHARSET_UTF8 = 0x6A;
    private static final int END = 0x01;
    private static final int STR_I = 0x03;
    private static final int OPAQUE = 0xC3;
    private static final int HAS_CONTENT = 0x40;
    private static final int HAS_ATTRIBUTES = 0x80;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** Starts a document of the given public id (0x05 SI, 0x06 SL, 0x07 CO). */
    public WbxmlWriter(int publicId) {
        out.write(VERSION_1_2);
        MultiByteInteger.write(out, publicId);
        out.write(CHARSET_UTF8);
        out.write(0); // string table length: every string goes inline
    }

    /** A tag; one with attributes is followed by them and {@link #end()}, one with content by it and {@link #end()}. */
    public WbxmlWriter tag(int token, boolean attributes, boolean content) {
        out.write(token | (attributes ? HAS_ATTRIBUTES : 0) | (content ? HAS_CONTENT : 0));
        return this;
    }

    /** An attribute start or attribute value token of the document's code page. */
    public WbxmlWriter token(int token) {
        out.write(token);
        return this;
    }

    public WbxmlWriter inlineString(String text) {
        out.write(STR_I);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.write(0);
        return this;
    }

    public WbxmlWriter opaque(byte[] data) {
        out.write(OPAQUE);
        MultiByteInteger.write(out, data.length);
        out.writeBytes(data);
        return this;
    }

    public WbxmlWriter end() {
        out.write(END);
        return this;
    }

    public byte[] toBytes() {
        return out.toByteArray();
    }
}
