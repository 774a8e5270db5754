package org.openemg.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The one JAX-RS application of the war: EMG clients expect {@code /bin/send} at the root,
 * so every resource (HTTP connector, PAP, admin) lives under {@code /}.
 */
@ApplicationPath("/")
public class GatewayApplication extends Application {
}
