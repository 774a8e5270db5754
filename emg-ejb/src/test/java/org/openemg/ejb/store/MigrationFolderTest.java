package org.openemg.ejb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The index is what the server reads (it cannot list a folder inside the deployment): it must name every script. */
class MigrationFolderTest {

    private static final Path FOLDER = Path.of("src/main/resources/db/migration");

    @Test
    void theIndexListsEveryScriptOfTheFolderAndNothingElse() throws IOException {
        Set<String> files;
        try (Stream<Path> all = Files.walk(FOLDER)) {
            files = all.filter(p -> p.toString().endsWith(".sql"))
                    .map(p -> FOLDER.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = Files.readAllLines(FOLDER.resolve("index.txt")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, listed);
    }
}
