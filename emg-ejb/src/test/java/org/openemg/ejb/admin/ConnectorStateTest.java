package org.openemg.ejb.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.rar.api.LinkFigures;

class ConnectorStateTest {

    private static final ServerConfig CONFIG = ServerConfigReader.parse("server.cfg", String.join("\n",
            "CONNECTOR smpp-out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:2775", "INSTANCES=2", ">",
            "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:2776", ">",
            "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
            "CONNECTOR sink <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">",
            "CONNECTOR pap-out <", "TYPE=OUTGOING", "PROTOCOL=PAP", "ADDRESS=http://127.0.0.1:9/pap", ">"),
            name -> {
                throw new NoSuchFileException(name);
            });

    private static final LinkFigures ONE_OF_TWO = new LinkFigures(2, 1, 3, 20);
    private static final LinkFigures NONE_OF_TWO = new LinkFigures(2, 0, 0, 20);

    private static ConnectorConfig connector(String name) {
        return CONFIG.connector(name).orElseThrow();
    }

    @Test
    void anOutgoingConnectorIsUpWithALinkAndDownWithout() {
        assertEquals(ConnectorState.UP, ConnectorState.of(connector("smpp-out"), true, true, ONE_OF_TWO, false));
        assertEquals(ConnectorState.DOWN, ConnectorState.of(connector("smpp-out"), true, true, NONE_OF_TWO, false));
    }

    @Test
    void heldWinsOverItsLinks() {
        assertEquals(ConnectorState.HELD, ConnectorState.of(connector("smpp-out"), true, true, ONE_OF_TWO, true));
        assertEquals(ConnectorState.HELD, ConnectorState.of(connector("smpp-out"), true, true, NONE_OF_TWO, true));
    }

    @Test
    void aConnectorTheAdapterStoppedIsClosed() {
        assertEquals(ConnectorState.CLOSED, ConnectorState.of(connector("smpp-out"), true, true, LinkFigures.NOT_RUNNING, true));
        assertEquals(ConnectorState.CLOSED, ConnectorState.of(connector("smpp-in"), true, true, LinkFigures.NOT_RUNNING, false));
    }

    @Test
    void listenersAndTheSinkAreUp() {
        assertEquals(ConnectorState.UP, ConnectorState.of(connector("smpp-in"), true, true, new LinkFigures(100, 0, 0, 0), false));
        assertEquals(ConnectorState.UP, ConnectorState.of(connector("sink"), true, false, LinkFigures.NOT_RUNNING, false));
    }

    @Test
    void theWebModulesConnectorsAndUnbuiltKinds() {
        assertEquals(ConnectorState.ELSEWHERE, ConnectorState.of(connector("http-in"), false, false, LinkFigures.NOT_RUNNING, false));
        assertEquals(ConnectorState.UNAVAILABLE, ConnectorState.of(connector("pap-out"), false, false, LinkFigures.NOT_RUNNING, false));
    }
}
