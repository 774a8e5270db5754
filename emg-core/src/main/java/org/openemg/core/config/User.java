package org.openemg.core.config;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A line of a users file. Only the SHA-256 of the password is kept, also for passwords written in
 * clear, so comparing takes the same time whatever the password's length or form.
 */
public final class User {

    private final String username;
    private final byte[] passwordSha256;
    private final Optional<String> route;
    private final Optional<String> routeDlr;
    private final Optional<BigDecimal> balance;
    private final Optional<BigDecimal> postpaidLimit;
    private final List<Cidr> allowIps;
    private final boolean admin;
    private final int line;

    User(String username, byte[] passwordSha256, Optional<String> route, Optional<String> routeDlr,
            Optional<BigDecimal> balance, Optional<BigDecimal> postpaidLimit, List<Cidr> allowIps,
            boolean admin, int line) {
        this.username = username;
        this.passwordSha256 = passwordSha256.clone();
        this.route = route;
        this.routeDlr = routeDlr;
        this.balance = balance;
        this.postpaidLimit = postpaidLimit;
        this.allowIps = List.copyOf(allowIps);
        this.admin = admin;
        this.line = line;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public String username() {
        return username;
    }

    /** Constant-time check of a clear-text candidate against the stored password. */
    public boolean passwordMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(candidate), passwordSha256);
    }

    public Optional<String> route() {
        return route;
    }

    public Optional<String> routeDlr() {
        return routeDlr;
    }

    /** Prepaid credit as written in the file; the database owns the running balance once loaded. */
    public Optional<BigDecimal> balance() {
        return balance;
    }

    public Optional<BigDecimal> postpaidLimit() {
        return postpaidLimit;
    }

    /** Whether this user's messages are charged: the line has BALANCE or POSTPAID (an account); else they are free. */
    public boolean chargeable() {
        return balance.isPresent() || postpaidLimit.isPresent();
    }

    public List<Cidr> allowIps() {
        return allowIps;
    }

    /** Whether a client at {@code ip} may log in as this user; no ALLOWIPS means from anywhere. */
    public boolean allowsIp(String ip) {
        if (allowIps.isEmpty()) {
            return true;
        }
        Optional<byte[]> address = IpLiteral.parse(ip);
        return address.isPresent() && allowIps.stream().anyMatch(c -> c.contains(address.get()));
    }

    public boolean admin() {
        return admin;
    }

    int line() {
        return line;
    }

    @Override
    public String toString() {
        return "User[" + username + "]";
    }

    static byte[] hashFromFile(String password, Setting where) {
        if (password.regionMatches(true, 0, "{SHA256}", 0, 8)) {
            String hex = password.substring(8);
            if (!hex.matches("[0-9A-Fa-f]{64}")) {
                throw where.error("a {SHA256} password must be 64 hex digits");
            }
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        }
        return sha256(password);
    }
}
