package org.openemg.core.mime;

/** A header or body that does not follow MIME's syntax, or uses a part of it we do not read. */
public final class MimeException extends Exception {

    public MimeException(String message) {
        super(message);
    }
}
