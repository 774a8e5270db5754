package org.openemg.core.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Textual IPv4/IPv6 addresses to bytes. Written by hand because {@link java.net.InetAddress#getByName}
 * falls back to a DNS lookup for text it does not recognise, which must never happen while checking
 * a client address on the hot path.
 */
final class IpLiteral {

    private IpLiteral() {
    }

    /** 4 bytes for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address gives its 4 IPv4 bytes. */
    static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] bytes = s.indexOf(':') >= 0 ? ipv6(s) : ipv4(s);
        if (bytes == null) {
            return Optional.empty();
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return Optional.of(bytes);
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static byte[] ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static byte[] ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = gap < 0 ? words(s) : words(s.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : words(s.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int count = head.length + tail.length;
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    private static void put(byte[] bytes, int word, int value) {
        bytes[2 * word] = (byte) (value >> 8);
        bytes[2 * word + 1] = (byte) value;
    }

    /** 16-bit words of a colon-separated run; a trailing dotted IPv4 counts as two words. */
    private static int[] words(String run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        String[] groups = run.split(":", -1);
        int[] words = new int[groups.length + 1];
        int n = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = ipv4(g);
                if (v4 == null) {
                    return null;
                }
                words[n++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                words[n++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
            } else if (g.matches("[0-9A-Fa-f]{1,4}")) {
                words[n++] = Integer.parseInt(g, 16);
            } else {
                return null;
            }
        }
        return Arrays.copyOf(words, n);
    }
}
