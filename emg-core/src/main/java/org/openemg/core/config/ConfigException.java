package org.openemg.core.config;

/**
 * A configuration file the gateway refuses to run with. The message names the file and line
 * ({@code "server.cfg:12: unknown keyword FOO"}) so an operator can fix it without reading code;
 * when no single line is to blame, the line is 0 and left out of the message.
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public ConfigException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public ConfigException(String file, int line, String problem, Throwable cause) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
