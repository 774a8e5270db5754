package org.openemg.core.accept;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openemg.core.accept.SampleGateway.CONFIG;
import static org.openemg.core.accept.SampleGateway.options;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Status;

class BlacklistScreeningTest {

    private final Logger logger = Logger.getLogger(BlacklistScreening.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        logger.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        logger.removeHandler(handler);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        ", 46700000001",
        ", +46700000001",
        "SPAMMER, 4670",
        // a REJECT wins over a LOG on the other address
        "SPAMMER, 46700000002",
    })
    void rejectRefusesWithStatus14(String source, String dest) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> BlacklistScreening.screen(CONFIG.blacklist(), options("SOURCEADDR", source, "DESTADDR", dest)));
        assertEquals(Status.BLACKLISTED, e.status());
        assertEquals(14, e.status().code());
        assertEquals("Blacklisted", e.statusText());
    }

    @Test
    void logAcceptsAndLogsTheAddress() {
        assertDoesNotThrow(() -> BlacklistScreening.screen(CONFIG.blacklist(), options("DESTADDR", "46700000002")));
        assertEquals(1, logged.size());
        assertEquals(Level.INFO, logged.get(0).getLevel());
        assertTrue(logged.get(0).getMessage().contains("46700000002"), logged.get(0).getMessage());
    }

    @Test
    void anUnlistedMessagePassesSilently() {
        assertDoesNotThrow(() -> BlacklistScreening.screen(CONFIG.blacklist(),
                options("SOURCEADDR", "46700000001", "DESTADDR", "4670")));
        assertEquals(List.of(), logged);
    }
}
