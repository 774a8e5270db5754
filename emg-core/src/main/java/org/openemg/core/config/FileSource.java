package org.openemg.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files named in server.cfg (USERS, ROUTING, BLACKLIST) are read from. */
@FunctionalInterface
public interface FileSource {

    /** The content of the file {@code name} as written in the configuration. */
    String read(String name) throws IOException;

    /** Reads UTF-8 files, resolving relative names against {@code dir} (EMGDIR). */
    static FileSource directory(Path dir) {
        return name -> Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
