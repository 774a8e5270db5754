package org.openemg.ejb.accept;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.openemg.core.accept.LoginLockout;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

/**
 * The one {@link LoginLockout} of the deployment, in front of every login (HTTP requests, SMPP binds, SMTP
 * AUTH, PAP): a locked-out address is refused with status 3 before its password is looked at, and every
 * bad login counts against its address.
 */
@ApplicationScoped
public class LoginAttempts {

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

    private final LoginLockout lockout = LoginLockout.standard();

    /** The answer of {@code login} for a client at {@code address}, INVALID_LOGIN while the address is locked out. */
    public Status login(String address, Supplier<Status> login) {
        long now = System.currentTimeMillis();
        if (!lockout.mayTry(address, now)) {
            return Status.INVALID_LOGIN;
        }
        Status status = login.get();
        if (status == Status.INVALID_LOGIN) {
            counted(address, now);
        }
        return status;
    }

    /** Runs {@code work} that logs the client in itself; its bad login (status 3) counts, and a locked-out address never runs it. */
    public <T> T guarded(String address, Supplier<T> work) {
        long now = System.currentTimeMillis();
        if (!lockout.mayTry(address, now)) {
            throw new GatewayException(Status.INVALID_LOGIN);
        }
        try {
            return work.get();
        } catch (GatewayException e) {
            if (e.status() == Status.INVALID_LOGIN) {
                counted(address, now);
            }
            throw e;
        }
    }

    private void counted(String address, long now) {
        long lockedUntil = lockout.failed(address, now);
        if (lockedUntil > 0) {
            LOG.warning(() -> "Repeated bad logins from " + address + ": its logins are refused for "
                    + (lockedUntil - now) / 1000.0 + " s");
        }
    }
}
