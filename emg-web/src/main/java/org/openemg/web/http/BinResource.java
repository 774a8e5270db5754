package org.openemg.web.http;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.openemg.ejb.accept.MessageService;
import org.openemg.ejb.config.ConfigurationInForce;

/**
 * {@code /bin/send}, {@code /bin/status} and their {@code .json}/{@code .xml} forms. Only hands the
 * raw request to {@link HttpConnector}: the query string and body are never read through JAX-RS
 * or servlet parameters, which would lose the order of repeated DESTADDR. A POST body is read as
 * form data whatever its declared Content-Type, as EMG clients do not always send one.
 */
@Path("bin")
@ApplicationScoped
public class BinResource {

    /**
     * The operator's pause switch for sending over HTTP, a system property so that the admin console and the CLI
     * can set it at run time ({@code /system-property=emg.http.paused:write-attribute(name=value,value=true)}).
     */
    static final String PAUSED = "emg.http.paused";
    private static final String FORMAT = "{format: (?:\\.json|\\.xml)?}";

    @EJB
    private MessageService messageService;
    @Inject
    private ConfigurationInForce configuration;

    private HttpConnector connector;

    @PostConstruct
    void start() {
        connector = new HttpConnector(messageService, configuration, () -> Boolean.getBoolean(PAUSED));
    }

    @GET
    @Path("send" + FORMAT)
    public Response sendByGet(@PathParam("format") String format, @Context HttpServletRequest request,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return response(connector.send(ResponseFormat.ofSuffix(format), request.getLocalPort(),
                request.getRemoteAddr(), request.getQueryString(), null, authorization));
    }

    @POST
    @Path("send" + FORMAT)
    public Response sendByPost(@PathParam("format") String format, @Context HttpServletRequest request,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
        return response(connector.send(ResponseFormat.ofSuffix(format), request.getLocalPort(),
                request.getRemoteAddr(), request.getQueryString(), body, authorization));
    }

    @GET
    @Path("status" + FORMAT)
    public Response status(@PathParam("format") String format, @Context HttpServletRequest request,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return response(connector.status(ResponseFormat.ofSuffix(format), request.getLocalPort(),
                request.getRemoteAddr(), request.getQueryString(), authorization));
    }

    private static Response response(Reply reply) {
        Response.ResponseBuilder response = Response.status(reply.httpStatus())
                .type(reply.mediaType())
                .entity(reply.body());
        if (reply.httpStatus() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"EMG\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
