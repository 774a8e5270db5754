package org.openemg.ejb.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gateway's name and the version the build wrote into gateway.properties. */
public final class GatewayVersion {

    public static final String PRODUCT = "openemg";
    public static final String VERSION = read();

    private GatewayVersion() {
    }

    private static String read() {
        try (InputStream in = GatewayVersion.class.getResourceAsStream("gateway.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
