package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectorChangesTest {

    private static ServerConfig config(String... lines) {
        return new ConfigFiles().with("users", "alice secret").parse(lines);
    }

    private static final String[] SMPP = {"CONNECTOR smpp-out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:2775", "WINDOWSIZE=10", ">"};
    private static final String[] SINK = {"CONNECTOR sink <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">"};
    private static final String[] HTTP = {"CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">"};

    private static String[] join(String[]... sections) {
        return java.util.Arrays.stream(sections).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    @Test
    void theSameFileChangesNothing() {
        ConnectorChanges changes = ConnectorChanges.between(config(join(SMPP, SINK)), config(join(SMPP, SINK)));
        assertTrue(changes.none());
        assertEquals(List.of("smpp-out", "sink"), changes.unchanged());
    }

    @Test
    void aNewSectionIsAddedAndAMissingOneRemoved() {
        ConnectorChanges changes = ConnectorChanges.between(config(join(SMPP, SINK)), config(join(SMPP, HTTP)));
        assertEquals(List.of("http-in"), changes.added());
        assertEquals(List.of("sink"), changes.removed());
        assertEquals(List.of(), changes.changed());
        assertEquals(List.of("smpp-out"), changes.unchanged());
        assertFalse(changes.none());
    }

    @Test
    void anyKeywordOfTheSectionChangesTheConnector() {
        String[] wider = SMPP.clone();
        wider[4] = "WINDOWSIZE=20";
        ConnectorChanges changes = ConnectorChanges.between(config(join(SMPP, SINK)), config(join(wider, SINK)));
        assertEquals(List.of("smpp-out"), changes.changed());
        assertEquals(List.of("sink"), changes.unchanged());
    }

    @Test
    void aNewKeywordChangesTheConnector() {
        String[] more = join(SINK);
        more = new String[] {more[0], more[1], more[2], "RETRYDELAY=5", ">"};
        ConnectorChanges changes = ConnectorChanges.between(config(SINK), config(more));
        assertEquals(List.of("sink"), changes.changed());
    }
}
