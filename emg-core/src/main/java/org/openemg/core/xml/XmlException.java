package org.openemg.core.xml;

/** A document the hardened parser refused: not well-formed, too large, or declaring what it must not. */
public final class XmlException extends Exception {

    public XmlException(String message) {
        super(message);
    }

    public XmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
