package org.openemg.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.openemg.core.message.MessageState;
import org.openemg.ejb.admin.AdminRefusal;
import org.openemg.ejb.admin.ConnectorAction;
import org.openemg.ejb.admin.ConnectorStatus;
import org.openemg.ejb.admin.GatewayAdministration;
import org.openemg.ejb.admin.GatewayInfo;
import org.openemg.ejb.admin.MessageHistory;
import org.openemg.ejb.admin.QueuePage;
import org.openemg.ejb.admin.ReloadOutcome;
import org.openemg.ejb.admin.UserEntry;
import org.openemg.ejb.store.MessageSearch;

/**
 * The admin API (JSON) and the console page that uses it, at {@code /admin}. Only HTTP here: what is read
 * and done is {@link GatewayAdministration}'s. Reads are GET, anything that changes the gateway is POST.
 */
@Path("admin")
@AdminOnly
@ApplicationScoped
public class AdminResource {

    private static final String DEFAULT_LIMIT = "100";

    @EJB
    private GatewayAdministration administration;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String console() {
        return ConsoleFiles.text("console.html");
    }

    @GET
    @Path("console.js")
    @Produces("text/javascript;charset=UTF-8")
    public String consoleScript() {
        return ConsoleFiles.text("console.js");
    }

    @GET
    @Path("console.css")
    @Produces("text/css;charset=UTF-8")
    public String consoleStyle() {
        return ConsoleFiles.text("console.css");
    }

    @GET
    @Path("info")
    @Produces(MediaType.APPLICATION_JSON)
    public GatewayInfo info() {
        return administration.info();
    }

    /** 200 with what changed, or 400 with the file and line that made the new configuration unreadable. */
    @POST
    @Path("info/reload")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reload() {
        ReloadOutcome outcome = administration.reload();
        return Response.status(outcome.applied() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(outcome).build();
    }

    @GET
    @Path("connectors")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ConnectorStatus> connectors() {
        return administration.connectors();
    }

    @GET
    @Path("queue/{connector}")
    @Produces(MediaType.APPLICATION_JSON)
    public QueuePage queue(@PathParam("connector") String connector,
                           @QueryParam("offset") @DefaultValue("0") int offset,
                           @QueryParam("limit") @DefaultValue(DEFAULT_LIMIT) int limit) {
        return administration.queue(connector, offset, limit);
    }

    @POST
    @Path("connector/{connector}/hold")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction hold(@PathParam("connector") String connector) {
        return administration.hold(connector);
    }

    @POST
    @Path("connector/{connector}/unhold")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction unhold(@PathParam("connector") String connector) {
        return administration.unhold(connector);
    }

    @POST
    @Path("connector/{connector}/bounce")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction bounce(@PathParam("connector") String connector) {
        return administration.bounce(connector);
    }

    @POST
    @Path("connector/{connector}/clear")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction clear(@PathParam("connector") String connector) {
        return administration.clear(connector);
    }

    @POST
    @Path("connector/{connector}/forceclose/{closed: [01]}")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction forceClose(@PathParam("connector") String connector, @PathParam("closed") int closed) {
        return administration.forceClose(connector, closed);
    }

    @POST
    @Path("connector/{connector}/moveall/{target}")
    @Produces(MediaType.APPLICATION_JSON)
    public ConnectorAction moveAll(@PathParam("connector") String connector, @PathParam("target") String target) {
        return administration.moveAll(connector, target);
    }

    /** The message log: every criterion optional; {@code from} and {@code to} are ISO-8601 instants or epoch ms. */
    @GET
    @Path("messages")
    @Produces(MediaType.APPLICATION_JSON)
    public QueuePage messages(@QueryParam("id") Long id, @QueryParam("destaddr") String destAddr,
                              @QueryParam("user") String user, @QueryParam("connector") String connector,
                              @QueryParam("state") String state, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("offset") @DefaultValue("0") int offset,
                              @QueryParam("limit") @DefaultValue(DEFAULT_LIMIT) int limit) {
        MessageSearch search;
        try {
            search = new MessageSearch(id, blankToNull(destAddr), blankToNull(user), blankToNull(connector),
                    state(state), time("from", from), time("to", to), offset, limit);
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest(e.getMessage());
        }
        return administration.messages(search);
    }

    @GET
    @Path("messages/{id: [0-9]+}")
    @Produces(MediaType.APPLICATION_JSON)
    public MessageHistory message(@PathParam("id") long id) {
        return administration.message(id);
    }

    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserEntry> users() {
        return administration.users();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static MessageState state(String state) {
        String given = blankToNull(state);
        if (given == null) {
            return null;
        }
        try {
            return MessageState.valueOf(given.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest("no message state " + given + "; one of " + List.of(MessageState.values()));
        }
    }

    private static Long time(String name, String value) {
        String given = blankToNull(value);
        if (given == null) {
            return null;
        }
        if (given.matches("[0-9]+")) {
            return Long.parseLong(given);
        }
        try {
            return Instant.parse(given).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw AdminRefusal.badRequest(name + " must be an ISO-8601 instant or epoch milliseconds, not " + given);
        }
    }
}
