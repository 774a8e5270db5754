package org.openemg.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A connector ADDRESS: {@code host:port}, {@code [v6]:port}, {@code :port} (host empty: every local
 * address), or a URL for outgoing HTTP, whose host and port are filled in from the URL.
 */
public record Endpoint(String host, int port, Optional<String> url) {

    public Endpoint(String host, int port) {
        this(host, port, Optional.empty());
    }

    /** @throws IllegalArgumentException with the reason when {@code text} is none of the forms */
    public static Endpoint parse(String text) {
        if (text.contains("://")) {
            return fromUrl(text);
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + text + "' has no port (host:port)");
        }
        String host = text.substring(0, colon);
        int port = port(text.substring(colon + 1), text);
        if (host.startsWith("[")) {
            if (!host.endsWith("]") || IpLiteral.parse(host).isEmpty()) {
                throw new IllegalArgumentException("'" + text + "' has no valid IPv6 address in brackets");
            }
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("'" + text + "': an IPv6 address needs brackets, as in [::1]:2775");
        }
        return new Endpoint(host, port);
    }

    private static Endpoint fromUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("URL '" + text + "' has no host");
            }
            int port = uri.getPort();
            if (port < 0) {
                port = "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
            }
            String host = uri.getHost();
            if (host.startsWith("[")) {
                host = host.substring(1, host.length() - 1);
            }
            return new Endpoint(host, port, Optional.of(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: '" + text + "'");
        }
    }

    private static int port(String digits, String text) {
        if (!digits.matches("\\d{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw new IllegalArgumentException("'" + text + "' has no valid port (1-65535)");
        }
        return Integer.parseInt(digits);
    }

    /** True for {@code :port}: listen on every local address. */
    public boolean anyHost() {
        return host.isEmpty();
    }
}
