package org.openemg.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;
import org.openemg.testkit.SmscSimulator;

/**
 * Tests of the gateway as the build packaged it: Arquillian deploys emg-ear.ear to the managed WildFly
 * of arquillian.xml for each test class, and the tests speak to it from outside, as an HTTP client of
 * http-in and as the SMSC that smpp-out binds to.
 */
@ExtendWith({ArquillianExtension.class, SmscSimulatorExtension.class})
@RunAsClient
abstract class DeployedGatewayTest {

    /** INSTANCES of smpp-out in src/test/emgdir/server.cfg. */
    private static final int SMPP_OUT_BINDS = 2;

    protected static final GatewayHttp gateway = new GatewayHttp(
            URI.create("http://" + System.getProperty("it.host") + ":" + Integer.getInteger("it.http.port")));

    /** An ADMIN user of http-in's users, who reads the /bin/status of every message, whoever sent it. */
    protected static final GatewayHttp operator = gateway.withBasicAuth("operator", "opsecret");

    protected SmscSimulator smsc;

    @Deployment(testable = false)
    static EnterpriseArchive packagedGateway() {
        // the name is part of the resource adapter's name the MDB is bound to (emg-ear.ear#emg-rar.rar)
        return ShrinkWrap.create(ZipImporter.class, "emg-ear.ear")
                .importFrom(new File(System.getProperty("it.ear"))).as(EnterpriseArchive.class);
    }

    @BeforeEach
    void smppOutBound() throws InterruptedException {
        assertTrue(Eventually.within(Duration.ofSeconds(60), () -> smsc.boundLinks() >= SMPP_OUT_BINDS),
                "smpp-out bound to the SMSC simulator");
    }
}
