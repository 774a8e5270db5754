package org.openemg.ejb.admin;

import jakarta.ejb.ApplicationException;

/** An admin request the gateway cannot do as asked: an unknown connector (not found) or a bad argument. */
@ApplicationException(rollback = true)
public class AdminRefusal extends RuntimeException {

    private final boolean notFound;

    private AdminRefusal(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public static AdminRefusal notFound(String message) {
        return new AdminRefusal(message, true);
    }

    public static AdminRefusal badRequest(String message) {
        return new AdminRefusal(message, false);
    }

    public boolean notFound() {
        return notFound;
    }
}
