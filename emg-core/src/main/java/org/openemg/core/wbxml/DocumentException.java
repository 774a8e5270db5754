package org.openemg.core.wbxml;

/** An SI, SL or CO document that cannot be compiled: not well-formed, not of its DTD's shape, or with a bad value. */
public final class DocumentException extends Exception {

    public DocumentException(String message) {
        super(message);
    }

    public DocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
