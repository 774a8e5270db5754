package org.openemg.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The console's static files, packaged beside this class: read once, served as they are. */
final class ConsoleFiles {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ConsoleFiles() {
    }

    static String text(String name) {
        return CACHE.computeIfAbsent(name, ConsoleFiles::read);
    }

    private static String read(String name) {
        try (InputStream in = ConsoleFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + name + " is not packaged");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
