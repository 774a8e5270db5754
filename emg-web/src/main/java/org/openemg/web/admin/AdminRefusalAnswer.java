package org.openemg.web.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.openemg.ejb.admin.AdminRefusal;

/** An admin request refused: 404 for an unknown connector or message, 400 for a bad argument, the reason as JSON. */
@Provider
public class AdminRefusalAnswer implements ExceptionMapper<AdminRefusal> {

    @Override
    public Response toResponse(AdminRefusal refusal) {
        return Response.status(refusal.notFound() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", refusal.getMessage())).build();
    }
}
