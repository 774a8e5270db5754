package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

    private static List<Migration> scripts(String... paths) {
        return Stream.of(paths).map(Migration::of).toList();
    }

    private static List<String> pending(List<Migration> scripts, String database, Integer... applied) {
        return MigrationPlan.pending(scripts, database, Set.of(applied)).stream().map(Migration::path).toList();
    }

    @Test
    void versionsRunInNumericOrderNotInTheOrderOfTheirNames() {
        List<Migration> scripts = scripts("V10__ten.sql", "V2__two.sql", "V1__one.sql", "V3__three.sql",
                "V4__4.sql", "V5__5.sql", "V6__6.sql", "V7__7.sql", "V8__8.sql", "V9__9.sql");
        assertEquals(List.of("V1__one.sql", "V2__two.sql", "V3__three.sql", "V4__4.sql", "V5__5.sql", "V6__6.sql",
                "V7__7.sql", "V8__8.sql", "V9__9.sql", "V10__ten.sql"), pending(scripts, "h2"));
    }

    @Test
    void onlyVersionsAboveTheAppliedOnesArePending() {
        List<Migration> scripts = scripts("V1__one.sql", "V2__two.sql", "V3__three.sql");
        assertEquals(List.of("V3__three.sql"), pending(scripts, "h2", 1, 2));
        assertEquals(List.of(), pending(scripts, "h2", 1, 2, 3));
    }

    @Test
    void aDatabaseOwnScriptTakesThePlaceOfTheCommonOne() {
        List<Migration> scripts = scripts("V1__one.sql", "postgresql/V2__two.sql", "V2__two.sql", "h2/V3__three.sql",
                "V3__three.sql");
        assertEquals(List.of("V1__one.sql", "postgresql/V2__two.sql", "V3__three.sql"), pending(scripts, "postgresql"));
        assertEquals(List.of("V1__one.sql", "V2__two.sql", "h2/V3__three.sql"), pending(scripts, "h2"));
    }

    @Test
    void aVersionOnlyOneDatabaseNeedsStillNeedsAScriptForTheOthers() {
        List<Migration> scripts = scripts("V1__one.sql", "postgresql/V2__two.sql", "V3__three.sql");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pending(scripts, "h2"));
        assertTrue(e.getMessage().contains("version 2 (h2)"), e.getMessage());
        assertEquals(List.of("V1__one.sql", "postgresql/V2__two.sql", "V3__three.sql"), pending(scripts, "postgresql"));
        List<Migration> withCommonV2 = scripts("V1__one.sql", "postgresql/V2__two.sql", "V2__two.sql", "V3__three.sql");
        assertEquals(List.of("V1__one.sql", "V2__two.sql", "V3__three.sql"), pending(withCommonV2, "h2"));
    }

    @Test
    void anotherDatabaseScriptsAreIgnored() {
        assertEquals(List.of("V1__one.sql"), pending(scripts("V1__one.sql", "h2/V1__one.sql"), "postgresql"));
    }

    @Test
    void twoScriptsForOneVersionAreRefused() {
        assertThrows(IllegalStateException.class, () -> pending(scripts("V1__one.sql", "V1__uno.sql"), "h2"));
        assertThrows(IllegalStateException.class, () -> pending(scripts("h2/V1__one.sql", "h2/V1__uno.sql"), "h2"));
    }

    @Test
    void aMissingVersionIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pending(scripts("V1__one.sql", "V3__three.sql"), "h2"));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> pending(scripts("V2__two.sql"), "h2"));
    }

    @Test
    void aDatabaseNewerThanTheBuildIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pending(scripts("V1__one.sql"), "h2", 1, 2));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aDatabaseWithAHoleInItsVersionsIsRefused() {
        assertThrows(IllegalStateException.class, () -> pending(scripts("V1__one.sql", "V2__two.sql", "V3__three.sql"), "h2", 1, 3));
    }

    @Test
    void namesOutsideTheConventionAreRefused() {
        for (String name : List.of("V0__zero.sql", "v1__one.sql", "V1_one.sql", "V1__one.txt", "1__one.sql", "H2/V1__one.sql",
                "a/b/V1__one.sql", "V01__one.sql")) {
            assertThrows(IllegalArgumentException.class, () -> Migration.of(name), name);
        }
        assertEquals(new Migration(12, "postgresql", "postgresql/V12__add_leases.sql"), Migration.of("postgresql/V12__add_leases.sql"));
    }
}
