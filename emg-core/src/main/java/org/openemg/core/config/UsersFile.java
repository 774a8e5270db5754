package org.openemg.core.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A users file: {@code username password [KEY=value ...]} a line (spec section 2). */
public final class UsersFile {

    private final String fileName;
    private final Map<String, User> users;

    private UsersFile(String fileName, Map<String, User> users) {
        this.fileName = fileName;
        this.users = Collections.unmodifiableMap(users);
    }

    /** Parses without checking that ROUTE/ROUTEDLR name known connectors; the server.cfg reader does that. */
    public static UsersFile parse(String fileName, String content) {
        Map<String, User> users = new LinkedHashMap<>();
        for (ConfigLine line : ConfigLine.of(content)) {
            String[] words = line.words();
            if (words.length < 2) {
                throw new ConfigException(fileName, line.number(), "expected 'username password [KEY=value ...]'");
            }
            User user = user(words, fileName, line.number());
            if (users.putIfAbsent(user.username(), user) != null) {
                throw new ConfigException(fileName, line.number(), "user '" + user.username() + "' is defined twice");
            }
        }
        return new UsersFile(fileName, users);
    }

    private static User user(String[] words, String file, int line) {
        Optional<String> route = Optional.empty();
        Optional<String> routeDlr = Optional.empty();
        Optional<BigDecimal> balance = Optional.empty();
        Optional<BigDecimal> postpaid = Optional.empty();
        List<Cidr> allowIps = new ArrayList<>();
        boolean admin = false;
        for (int i = 2; i < words.length; i++) {
            Setting s = Setting.parse(words[i], file, line);
            switch (s.keyword()) {
                case "ROUTE" -> route = Optional.of(s.required());
                case "ROUTEDLR" -> routeDlr = Optional.of(s.required());
                case "BALANCE" -> balance = Optional.of(s.asDecimal());
                case "POSTPAID" -> postpaid = Optional.of(nonNegative(s));
                case "ALLOWIPS" -> allowIps.addAll(cidrs(s));
                case "ADMIN" -> admin = s.asFlag();
                default -> throw s.error("unknown user keyword " + s.keyword());
            }
        }
        byte[] password = User.hashFromFile(words[1], new Setting("PASSWORD", "", file, line));
        return new User(words[0], password, route, routeDlr, balance, postpaid, allowIps, admin, line);
    }

    private static BigDecimal nonNegative(Setting s) {
        BigDecimal value = s.asDecimal();
        if (value.signum() < 0) {
            throw s.error(s.keyword() + " must not be negative");
        }
        return value;
    }

    /** A comma-separated CIDR list, as in ALLOWIPS and LOCALIPS. */
    static List<Cidr> cidrs(Setting s) {
        List<Cidr> list = new ArrayList<>();
        for (String part : s.required().split(",")) {
            try {
                list.add(Cidr.parse(part.strip()));
            } catch (IllegalArgumentException e) {
                throw s.error(s.keyword() + ": " + e.getMessage());
            }
        }
        return list;
    }

    public Optional<User> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(users.get(username));
    }

    public Collection<User> users() {
        return users.values();
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public String toString() {
        return "UsersFile[" + fileName + ", " + users.size() + " users]";
    }
}
