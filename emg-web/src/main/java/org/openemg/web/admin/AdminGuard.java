package org.openemg.web.admin;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.Optional;
import org.openemg.core.admin.AdminAccess;
import org.openemg.core.message.GatewayException;
import org.openemg.ejb.admin.GatewayAdministration;
import org.openemg.web.http.BasicCredentials;

/**
 * HTTP Basic for the admin API and console: no or wrong credentials answer 401 with a challenge (so a
 * browser asks), a user without ADMIN 403.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminGuard implements ContainerRequestFilter {

    static final String REALM = "EMG admin";

    @EJB
    private GatewayAdministration administration;

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<BasicCredentials> credentials;
        try {
            credentials = BasicCredentials.parse(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (GatewayException malformed) {
            credentials = Optional.empty();
        }
        AdminAccess access = credentials.map(c -> administration.access(c.username(), c.password()))
                .orElse(AdminAccess.UNKNOWN);
        if (access == AdminAccess.UNKNOWN) {
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "credentials of a user with ADMIN needed")).build());
        } else if (access == AdminAccess.NOT_ADMIN) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", "user " + credentials.get().username() + " has no ADMIN")).build());
        }
    }
}
