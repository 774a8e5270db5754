package org.openemg.ejb.store;

import jakarta.ejb.ApplicationException;

/** A database failure; it rolls the transaction back, so nothing is half-written. */
@ApplicationException(rollback = true)
public class StoreException extends RuntimeException {

    public StoreException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
