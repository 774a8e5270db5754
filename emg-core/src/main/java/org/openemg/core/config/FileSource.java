package org.openemg.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files named in server.cfg (USERS, ROUTING, BLACKLIST, KEYSTORE) are read from. */
@FunctionalInterface
public interface FileSource {

    /** The content of the file {@code name} as written in the configuration. */
    String read(String name) throws IOException;

    /** A binary file (a key store); a source of text holds it one character per octet. */
    default byte[] readBytes(String name) throws IOException {
        return read(name).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads UTF-8 files, resolving relative names against {@code dir} (EMGDIR). */
    static FileSource directory(Path dir) {
        return new FileSource() {
            @Override
            public String read(String name) throws IOException {
                return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            }

            @Override
            public byte[] readBytes(String name) throws IOException {
                return Files.readAllBytes(dir.resolve(name));
            }
        };
    }
}
