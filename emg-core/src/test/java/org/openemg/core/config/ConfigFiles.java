package org.openemg.core.config;

import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;

/** In-memory EMGDIR for tests: file name to content. */
final class ConfigFiles implements FileSource {

    private final Map<String, String> files = new HashMap<>();

    ConfigFiles with(String name, String... lines) {
        files.put(name, String.join("\n", lines));
        return this;
    }

    @Override
    public String read(String name) throws NoSuchFileException {
        String content = files.get(name);
        if (content == null) {
            throw new NoSuchFileException(name);
        }
        return content;
    }

    ServerConfig parse(String... serverCfgLines) {
        return ServerConfigReader.parse("server.cfg", String.join("\n", serverCfgLines), this);
    }
}
