package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlacklistTest {

    private static final Blacklist LIST = Blacklist.parse("blacklist", String.join("\n",
            "# address action field",
            "+46700000001\tREJECT",
            "46700000002\tLOG\tDESTADDR",
            "46700000003\tREJECT\tSOURCEADDR",
            "SPAMMER  log  sourceaddr",
            "46700000002\tREJECT",
            "46700000004 REJECT DESTADDR # first one wins below",
            "46700000004 LOG"));

    @ParameterizedTest(name = "{0} -> {1} => {2}")
    @CsvSource({
        "111, 46700000001, REJECT, DESTADDR",
        "111, +46700000001, REJECT, DESTADDR",
        "111, 46700000002, LOG, DESTADDR",
        "46700000003, 111, REJECT, SOURCEADDR",
        "+46700000003, 111, REJECT, SOURCEADDR",
        "111, 46700000003, , ",
        "46700000001, 111, , ",
        "SPAMMER, 111, LOG, SOURCEADDR",
        "spammer, 111, , ",
        "SPAMMER, 46700000001, REJECT, DESTADDR",
        "46700000003, 46700000002, REJECT, SOURCEADDR",
        "SPAMMER, 46700000002, LOG, DESTADDR",
        "111, 46700000004, REJECT, DESTADDR",
        "111, 222, , ",
        ", , , ",
    })
    void matchesSourceOrDestination(String source, String dest, BlacklistEntry.Action action,
            BlacklistEntry.Field field) {
        assertEquals(action, LIST.match(source, dest).map(BlacklistEntry::action).orElse(null));
        assertEquals(field, LIST.match(source, dest).map(BlacklistEntry::field).orElse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "4670 DROP                | action must be REJECT|LOG",
        "4670 LOG BOTH            | field must be SOURCEADDR|DESTADDR",
        "4670                     | expected 'address REJECT|LOG",
        "4670 LOG DESTADDR extra  | expected 'address REJECT|LOG",
        "+ LOG                    | empty address",
    })
    void rejectsBadLines(String line, String problem) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Blacklist.parse("bl", "4671 LOG\n" + line));
        assertEquals("bl:2: ", e.getMessage().substring(0, 6));
        assertEquals(true, e.problem().contains(problem), e.getMessage());
    }
}
