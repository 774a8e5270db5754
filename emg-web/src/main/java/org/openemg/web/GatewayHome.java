package org.openemg.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.openemg.ejb.admin.GatewayVersion;

/** {@code /}: a small page naming the gateway and its version, and where its API and console are. */
@Path("/")
public class GatewayHome {

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String page() {
        String version = GatewayVersion.VERSION;
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%1$s %2$s</title></head>
                <body>
                <h1>%1$s %2$s</h1>
                <p>An EMG-compatible enterprise messaging gateway.</p>
                <ul>
                <li>Admin console: <a href="/admin/">/admin/</a> (HTTP Basic, a user with ADMIN)</li>
                <li>Admin API (JSON): <a href="/admin/info">/admin/info</a>, /admin/connectors, /admin/queue/&lt;connector&gt;,
                /admin/messages, /admin/users, POST /admin/info/reload, POST /admin/connector/&lt;connector&gt;/hold</li>
                <li>Sending: /bin/send, /bin/status; WAP push: /pap</li>
                </ul>
                </body></html>
                """.formatted(GatewayVersion.PRODUCT, version);
    }
}
