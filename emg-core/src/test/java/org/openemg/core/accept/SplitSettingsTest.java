package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openemg.core.accept.SampleGateway.connector;

import org.junit.jupiter.api.Test;
import org.openemg.core.config.ConcatMode;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.text.TextSettings;

class SplitSettingsTest {

    @Test
    void textDefaultFromTheIncomingConnectorConcatenationFromTheOutgoingOne() {
        assertEquals(new TextSettings(true, ConcatMode.UDH_16BIT, 0),
                SplitSettings.of(connector("open-in"), connector("long-out")));
        assertEquals(new TextSettings(false, ConcatMode.UDH_8BIT, 0),
                SplitSettings.of(connector("http-in"), connector("table-out")));
    }

    @Test
    void messageLengthComesFromTheOutgoingConnector() {
        ServerConfig config = ServerConfigReader.parse("server.cfg", String.join("\n",
                "CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
                "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "CONCAT=PAYLOAD", "MESSAGELENGTH=600", ">"),
                name -> null);
        assertEquals(new TextSettings(false, ConcatMode.PAYLOAD, 600),
                SplitSettings.of(config.connector("in").orElseThrow(), config.connector("out").orElseThrow()));
    }

    @Test
    void beforeTheRouteIsKnownEveryOutgoingConnectorsDefaults() {
        assertEquals(new TextSettings(true, ConcatMode.UDH_8BIT, 0), SplitSettings.of(connector("open-in"), null));
    }
}
