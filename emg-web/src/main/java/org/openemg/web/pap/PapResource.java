package org.openemg.web.pap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Clock;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.config.ConfigurationInForce;
import org.openemg.ejb.pap.PushService;
import org.openemg.web.http.Reply;

/**
 * {@code POST /pap}: push initiators' PAP requests. Only hands the raw request to {@link PapConnector};
 * the body is read as it came, whatever its Content-Type, since the PAP layer parses the multipart itself.
 */
@Path("pap")
@ApplicationScoped
public class PapResource {

    @EJB
    private MessageService messageService;
    @EJB
    private PushService pushService;
    @Inject
    private ConfigurationInForce configuration;

    private PapConnector connector;

    @PostConstruct
    void start() {
        connector = new PapConnector(messageService, configuration, pushService, Clock.systemUTC());
    }

    @POST
    public Response request(@Context HttpServletRequest request, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        Reply reply = connector.handle(new PapCall(request.getLocalPort(), request.getRemoteAddr(),
                request.getRequestURL().toString(), contentType, authorization), body);
        Response.ResponseBuilder response = Response.status(reply.httpStatus()).type(reply.mediaType()).entity(reply.body());
        if (reply.httpStatus() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"EMG PAP\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
