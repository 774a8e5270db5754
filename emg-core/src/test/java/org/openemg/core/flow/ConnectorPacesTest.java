package org.openemg.core.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfigReader;
import org.openemg.core.message.Options;

class ConnectorPacesTest {

    private static ConnectorConfig connector(String throughput) {
        return ServerConfigReader.parse("server.cfg", String.join("\n", "CONNECTOR in <", "TYPE=INCOMING",
                "PROTOCOL=HTTP", throughput == null ? "" : "THROUGHPUT=" + throughput, ">"), name -> "")
                .connector("in").orElseThrow();
    }

    @Test
    void oneConnectorSharesOnePaceUntilItsRateChanges() {
        ConnectorPaces paces = new ConnectorPaces();
        Pace first = paces.of(connector("50"));
        assertTrue(first.limits());
        assertSame(first, paces.of(connector("50")));
        assertNotSame(first, paces.of(connector("20")), "a reload with another THROUGHPUT");
    }

    @Test
    void withoutThroughputNothingIsPaced() {
        ConnectorPaces paces = new ConnectorPaces();
        assertFalse(paces.of(connector(null)).limits());
        assertFalse(paces.of(connector("0")).limits());
        assertEquals(12.5, ConnectorPaces.throughput(connector("12.5")));
    }

    @Test
    void deliveryReportsAreNeverCounted() {
        List<Options> messages = List.of(new Options().set("MSGTYPE", "5"), new Options(),
                new Options().set("MSGTYPE", "1"));
        assertEquals(2, ConnectorPaces.paced(messages));
    }
}
