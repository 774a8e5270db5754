package org.openemg.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openemg.core.retry.RetryBackoff;

/**
 * A {@code CONNECTOR name < ... >} section. Every value was checked when the file was read, so the
 * typed accessors never fail. {@link #toString()} leaves out the values: PASSWORD is among them.
 */
public final class ConnectorConfig {

    private final String name;
    private final Direction type;
    private final Protocol protocol;
    private final Map<String, List<String>> values;
    private final BindMode mode;
    private final ConcatMode concat;
    private final Optional<Endpoint> address;
    private final List<Cidr> localIps;
    private final Optional<UsersFile> users;
    private final Optional<TlsKeyStore> keyStore;

    private ConnectorConfig(String name, Direction type, Protocol protocol, Map<String, List<String>> values,
            BindMode mode, ConcatMode concat, Optional<Endpoint> address, List<Cidr> localIps,
            Optional<UsersFile> users, Optional<TlsKeyStore> keyStore) {
        this.name = name;
        this.type = type;
        this.protocol = protocol;
        this.values = values;
        this.mode = mode;
        this.concat = concat;
        this.address = address;
        this.localIps = localIps;
        this.users = users;
        this.keyStore = keyStore;
    }

    /** Checks every keyword of the section; {@code line} is that of the section header. */
    static ConnectorConfig from(String name, String file, int line, List<Setting> settings) {
        Direction type = null;
        Protocol protocol = null;
        BindMode mode = BindMode.TRANSCEIVER;
        ConcatMode concat = ConcatMode.UDH_8BIT;
        Endpoint address = null;
        List<Cidr> localIps = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Setting s : settings) {
            switch (s.keyword()) {
                case "TYPE" -> type = s.asChoice(Direction.class);
                case "PROTOCOL" -> protocol = s.asChoice(Protocol.class);
                case "MODE" -> mode = s.asChoice(BindMode.class);
                case "CONCAT" -> concat = s.asChoice(ConcatMode.class);
                case "ADDRESS" -> address = endpoint(s);
                case "LOCALIPS" -> localIps.addAll(UsersFile.cidrs(s));
                case "INSTANCES", "WINDOWSIZE", "MAXMESSAGESIZE" -> s.asInt(1, Integer.MAX_VALUE);
                case "KEEPALIVE", "IDLETIMEOUT", "MAXQUEUESIZE", "MAXATTEMPTS", "RETRYDELAY", "MESSAGELENGTH" ->
                        s.asInt(0, Integer.MAX_VALUE);
                case "THROUGHPUT" -> {
                    if (s.asDecimal().signum() < 0) {
                        throw s.error("THROUGHPUT must not be negative");
                    }
                }
                case "ALLOWROUTE", "USESUBJECT", "USESENDER", "USEPRIORITY", "DLR_SUPPORT" -> s.asFlag();
                case "USERNAME", "PASSWORD", "SYSTEMTYPE", "USERS", "ROUTE", "ROUTEDLR", "REDIRECT",
                        "DEFAULT_CHARCODE_TEXT", "SEPARATOR", "LOCALDOMAINS", "KEYSTORE", "KEYSTOREPASSWORD",
                        "DOMAIN" -> s.required();
                case "DEFAULT_MSGTYPE" -> s.asChoice(MailType.class);
                case "METHOD" -> s.asChoice(CallMethod.class);
                default -> throw s.error("unknown connector keyword " + s.keyword());
            }
            values.computeIfAbsent(s.keyword(), k -> new ArrayList<>()).add(s.value());
        }
        if (type == null) {
            throw new ConfigException(file, line, "connector '" + name + "' has no TYPE");
        }
        if (protocol == null) {
            throw new ConfigException(file, line, "connector '" + name + "' has no PROTOCOL");
        }
        values.replaceAll((k, v) -> List.copyOf(v));
        return new ConnectorConfig(name, type, protocol, Collections.unmodifiableMap(values), mode, concat,
                Optional.ofNullable(address), List.copyOf(localIps), Optional.empty(), Optional.empty());
    }

    private static Endpoint endpoint(Setting s) {
        try {
            return Endpoint.parse(s.required());
        } catch (IllegalArgumentException e) {
            throw s.error("ADDRESS " + e.getMessage());
        }
    }

    /** Whether the section says the same as {@code other}'s (the files it names are not compared). */
    public boolean sameSettings(ConnectorConfig other) {
        return name.equals(other.name) && type == other.type && protocol == other.protocol && values.equals(other.values);
    }

    ConnectorConfig withUsers(UsersFile usersFile) {
        return new ConnectorConfig(name, type, protocol, values, mode, concat, address, localIps,
                Optional.of(usersFile), keyStore);
    }

    ConnectorConfig withKeyStore(TlsKeyStore opened) {
        return new ConnectorConfig(name, type, protocol, values, mode, concat, address, localIps, users,
                Optional.of(opened));
    }

    public String name() {
        return name;
    }

    public Direction type() {
        return type;
    }

    public Protocol protocol() {
        return protocol;
    }

    /** Whether a route may end here: an outgoing connector, or an incoming SMPP one with bound clients. */
    public boolean carriesMessagesOn() {
        return type == Direction.OUTGOING || protocol == Protocol.SMPP;
    }

    /** The last value of a keyword (upper or lower case); a bare keyword has the empty value. */
    public Optional<String> value(String keyword) {
        List<String> all = values(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Every value of a repeated keyword, in file order. */
    public List<String> values(String keyword) {
        return values.getOrDefault(keyword.toUpperCase(Locale.ROOT), List.of());
    }

    /** True for a bare keyword or YES/TRUE/1 (the last occurrence counts). */
    public boolean flag(String keyword) {
        return value(keyword).map(v -> Boolean.TRUE.equals(Setting.flagValue(v))).orElse(false);
    }

    /**
     * The last value as a number, {@code fallback} when absent. Known numeric keywords were checked on
     * reading; for any other keyword a non-number is a programming error.
     */
    public int intValue(String keyword, int fallback) {
        return value(keyword).map(Integer::parseInt).orElse(fallback);
    }

    public Optional<Endpoint> address() {
        return address;
    }

    public int instances() {
        return intValue("INSTANCES", 1);
    }

    public BindMode mode() {
        return mode;
    }

    public ConcatMode concat() {
        return concat;
    }

    public int windowSize() {
        return intValue("WINDOWSIZE", 10);
    }

    public int keepAliveSeconds() {
        return intValue("KEEPALIVE", 30);
    }

    public int maxAttempts() {
        return intValue("MAXATTEMPTS", 5);
    }

    public int retryDelaySeconds() {
        return intValue("RETRYDELAY", 60);
    }

    /** MAXATTEMPTS and RETRYDELAY as a schedule; MAXATTEMPTS=0 (no retries) makes one attempt. */
    public RetryBackoff retryBackoff() {
        return new RetryBackoff(Math.max(1, maxAttempts()), Math.max(0, retryDelaySeconds()) * 1000L);
    }

    public boolean allowRoute() {
        return flag("ALLOWROUTE");
    }

    public Optional<String> route() {
        return value("ROUTE");
    }

    public Optional<String> routeDlr() {
        return value("ROUTEDLR");
    }

    public Optional<String> redirect() {
        return value("REDIRECT");
    }

    public Optional<UsersFile> users() {
        return users;
    }

    public boolean defaultCharcodeUtf8() {
        return value("DEFAULT_CHARCODE_TEXT").map(v -> v.equalsIgnoreCase("UTF8") || v.equalsIgnoreCase("UTF-8"))
                .orElse(false);
    }

    public Optional<String> username() {
        return value("USERNAME");
    }

    public Optional<String> password() {
        return value("PASSWORD");
    }

    public Optional<String> systemType() {
        return value("SYSTEMTYPE");
    }

    /** LOCALIPS: clients allowed to relay through an incoming SMTP connector. */
    public List<Cidr> localIps() {
        return localIps;
    }

    /** LOCALDOMAINS, comma-separated, lower-cased. */
    public List<String> localDomains() {
        List<String> domains = new ArrayList<>();
        for (String value : values("LOCALDOMAINS")) {
            for (String domain : value.split(",")) {
                if (!domain.isBlank()) {
                    domains.add(domain.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return List.copyOf(domains);
    }

    /** KEYSTORE: the key and certificate an incoming SMTP connector offers with STARTTLS. */
    public Optional<TlsKeyStore> keyStore() {
        return keyStore;
    }

    /** MAXMESSAGESIZE: the largest mail (octets) an incoming SMTP connector takes; absent is no limit. */
    public Optional<Integer> maxMessageSize() {
        return value("MAXMESSAGESIZE").map(Integer::parseInt);
    }

    /** DEFAULT_MSGTYPE of an SMTP connector: NORMAL converts a mail to SMS text, EMAIL keeps its content. */
    public CallMethod callMethod() {
        return value("METHOD").map(v -> CallMethod.valueOf(v.toUpperCase(Locale.ROOT))).orElse(CallMethod.GET);
    }

    public MailType mailType() {
        return value("DEFAULT_MSGTYPE").map(v -> MailType.valueOf(v.toUpperCase(Locale.ROOT))).orElse(MailType.NORMAL);
    }

    /** DOMAIN: the mail domain of an outgoing SMTP connector's addresses. */
    public Optional<String> domain() {
        return value("DOMAIN");
    }

    @Override
    public String toString() {
        return "ConnectorConfig[" + name + " " + type + " " + protocol + "]";
    }
}
