package org.openemg.core.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every outgoing SMPP connector has at least one bind up: a gateway without a way to its SMSC takes
 * messages it cannot send, so a load balancer should prefer another node. Each connector's binds are in the
 * response's data. It lives in the EAR's library because WildFly looks for an EAR's health checks with the bean
 * manager of the EAR itself, which sees the library's beans but not those of the EJB or web module.
 */
@Readiness
@ApplicationScoped
public class BindReadiness implements HealthCheck {

    @EJB
    private SmscBindsSource binds;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("emg-smsc-binds").up();
        for (SmscBinds connector : binds.smscBinds()) {
            response.withData(connector.connector(), connector.up() + " of " + connector.configured() + " binds up");
            if (connector.up() == 0) {
                response.down();
            }
        }
        return response.build();
    }
}
