package org.openemg.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads server.cfg (spec section 2) and the files it names, and checks everything an operator could
 * get wrong before the gateway starts: every problem is a {@link ConfigException} with file and line.
 */
public final class ServerConfigReader {

    public static final String FILE_NAME = "server.cfg";

    private final String file;
    private final FileSource files;
    private final Map<String, List<String>> general = new LinkedHashMap<>();
    private final Map<String, Setting> lastGeneral = new HashMap<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, ConnectorConfig> connectors = new LinkedHashMap<>();
    private final Map<String, ConnectorGroup> groups = new LinkedHashMap<>();

    private ServerConfigReader(String file, FileSource files) {
        this.file = file;
        this.files = files;
    }

    /** Reads {@code emgDir/server.cfg}; relative file names in it are resolved against {@code emgDir}. */
    public static ServerConfig read(Path emgDir) {
        String content;
        try {
            content = Files.readString(emgDir.resolve(FILE_NAME), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(FILE_NAME, 0, "cannot read " + emgDir.resolve(FILE_NAME) + ": " + e, e);
        }
        return parse(FILE_NAME, content, FileSource.directory(emgDir));
    }

    /** Parses server.cfg text named {@code fileName}; the files it refers to come from {@code files}. */
    public static ServerConfig parse(String fileName, String content, FileSource files) {
        ServerConfigReader reader = new ServerConfigReader(fileName, files);
        reader.split(content);
        return reader.build();
    }

    private record Section(boolean group, String name, int line, List<Setting> settings) {
    }

    /** Sorts the lines into general settings and sections. */
    private void split(String content) {
        Section open = null;
        for (ConfigLine line : ConfigLine.of(content)) {
            String[] words = line.words();
            boolean header = line.text().indexOf('=') < 0 && words.length > 1
                    && (words[0].equalsIgnoreCase("CONNECTOR") || words[0].equalsIgnoreCase("CONNECTORGROUP"));
            if (line.text().equals(">")) {
                if (open == null) {
                    throw new ConfigException(file, line.number(), "'>' without an open section");
                }
                sections.add(open);
                open = null;
            } else if (header) {
                if (open != null) {
                    throw new ConfigException(file, line.number(),
                            "section '" + open.name() + "' (line " + open.line() + ") is not closed with '>'");
                }
                open = header(line, words);
            } else {
                Setting setting = Setting.parse(line.text(), file, line.number());
                if (open != null) {
                    open.settings().add(setting);
                } else {
                    generalSetting(setting);
                }
            }
        }
        if (open != null) {
            throw new ConfigException(file, open.line(), "section '" + open.name() + "' is not closed with '>'");
        }
    }

    private Section header(ConfigLine line, String[] words) {
        String text = line.text();
        if (!text.endsWith("<")) {
            throw new ConfigException(file, line.number(), "expected '" + words[0] + " name <'");
        }
        String name = text.substring(words[0].length(), text.length() - 1).strip();
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            throw new ConfigException(file, line.number(), "bad section name '" + name + "'");
        }
        return new Section(words[0].equalsIgnoreCase("CONNECTORGROUP"), name, line.number(), new ArrayList<>());
    }

    private void generalSetting(Setting s) {
        switch (s.keyword()) {
            case "NODEID" -> s.asInt(0, 8999);
            case "CMREXPIRE" -> s.asInt(0, Integer.MAX_VALUE);
            case "ROUTING", "BLACKLIST" -> s.required();
            case "RETENTION" -> s.asRetention();
            default -> throw s.error("unknown keyword " + s.keyword());
        }
        general.computeIfAbsent(s.keyword(), k -> new ArrayList<>()).add(s.value());
        lastGeneral.put(s.keyword(), s);
    }

    private ServerConfig build() {
        Map<String, Integer> definedAt = new HashMap<>();
        for (Section section : sections) {
            Integer first = definedAt.putIfAbsent(section.name(), section.line());
            if (first != null) {
                throw new ConfigException(file, section.line(),
                        "'" + section.name() + "' is already defined at line " + first);
            }
            if (!section.group()) {
                connectors.put(section.name(),
                        ConnectorConfig.from(section.name(), file, section.line(), section.settings()));
            }
        }
        for (Section section : sections) {
            if (section.group()) {
                groups.put(section.name(), group(section));
            }
        }
        Map<String, UsersFile> usersFiles = new HashMap<>();
        for (Section section : sections) {
            if (!section.group()) {
                connectorReferences(section, usersFiles);
            }
        }
        RoutingTable routing = routingTable();
        Blacklist blacklist = referencedFile("BLACKLIST").map(s -> Blacklist.parse(s.value(), read(s)))
                .orElse(Blacklist.empty());
        general.replaceAll((k, v) -> List.copyOf(v));
        return new ServerConfig(Collections.unmodifiableMap(general), Collections.unmodifiableMap(connectors),
                Collections.unmodifiableMap(groups), routing, blacklist);
    }

    private ConnectorGroup group(Section section) {
        GroupType type = null;
        List<ConnectorGroup.Member> members = new ArrayList<>();
        for (Setting s : section.settings()) {
            switch (s.keyword()) {
                case "TYPE" -> type = s.asChoice(GroupType.class);
                case "CONNECTOR" -> {
                    ConnectorGroup.Member member = member(s);
                    if (members.stream().anyMatch(m -> m.name().equals(member.name()))) {
                        throw s.error("connector '" + member.name() + "' is listed twice");
                    }
                    members.add(member);
                }
                default -> throw s.error("unknown group keyword " + s.keyword());
            }
        }
        if (type == null) {
            throw new ConfigException(file, section.line(), "group '" + section.name() + "' has no TYPE");
        }
        if (members.isEmpty()) {
            throw new ConfigException(file, section.line(), "group '" + section.name() + "' has no CONNECTOR");
        }
        return new ConnectorGroup(section.name(), type, members);
    }

    private ConnectorGroup.Member member(Setting s) {
        String value = s.required();
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon).strip();
        int weight = colon < 0 ? 1
                : new Setting("weight", value.substring(colon + 1).strip(), s.file(), s.line()).asInt(1, 1_000_000);
        ConnectorConfig connector = connectors.get(name);
        if (connector == null) {
            throw s.error("unknown connector '" + name + "'");
        }
        if (!connector.carriesMessagesOn()) {
            throw s.error(cannotCarry(connector));
        }
        return new ConnectorGroup.Member(name, weight);
    }

    private void connectorReferences(Section section, Map<String, UsersFile> usersFiles) {
        Setting users = null;
        Setting keyStore = null;
        String keyStorePassword = "";
        for (Setting s : section.settings()) {
            switch (s.keyword()) {
                case "ROUTE", "ROUTEDLR", "REDIRECT" -> checkRoute(s.value(), s.file(), s.line());
                case "USERS" -> users = s;
                case "KEYSTORE" -> keyStore = s;
                case "KEYSTOREPASSWORD" -> keyStorePassword = s.value();
                default -> {
                }
            }
        }
        if (users != null) {
            Setting where = users;
            UsersFile usersFile = usersFiles.computeIfAbsent(where.value(), name -> usersFile(where));
            connectors.computeIfPresent(section.name(), (name, connector) -> connector.withUsers(usersFile));
        }
        if (keyStore != null) {
            TlsKeyStore opened = keyStore(keyStore, keyStorePassword);
            connectors.computeIfPresent(section.name(), (name, connector) -> connector.withKeyStore(opened));
        }
    }

    private TlsKeyStore keyStore(Setting where, String password) {
        byte[] content;
        try {
            content = files.readBytes(where.value());
        } catch (IOException e) {
            throw where.error("cannot read key store '" + where.value() + "' (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return TlsKeyStore.open(where.value(), content, password);
        } catch (IllegalArgumentException e) {
            throw where.error(e.getMessage());
        }
    }

    private UsersFile usersFile(Setting where) {
        UsersFile usersFile = UsersFile.parse(where.value(), read(where));
        for (User user : usersFile.users()) {
            user.route().ifPresent(r -> checkRoute(r, usersFile.fileName(), user.line()));
            user.routeDlr().ifPresent(r -> checkRoute(r, usersFile.fileName(), user.line()));
        }
        return usersFile;
    }

    private RoutingTable routingTable() {
        Optional<Setting> where = referencedFile("ROUTING");
        if (where.isEmpty()) {
            return RoutingTable.empty();
        }
        String name = where.get().value();
        RoutingTable table = RoutingTable.parse(name, read(where.get()));
        for (RoutingRule rule : table.rules()) {
            if (!RoutingRule.ANY.equals(rule.incoming()) && !connectors.containsKey(rule.incoming())) {
                throw new ConfigException(name, rule.line(), "unknown connector '" + rule.incoming() + "'");
            }
            checkRoute(rule.targets(), name, rule.line());
        }
        return table;
    }

    private Optional<Setting> referencedFile(String keyword) {
        return Optional.ofNullable(lastGeneral.get(keyword));
    }

    private String read(Setting where) {
        try {
            return files.read(where.value());
        } catch (IOException e) {
            throw where.error("cannot read " + where.keyword().toLowerCase(Locale.ROOT) + " file '"
                    + where.value() + "' (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void checkRoute(String route, String inFile, int line) {
        try {
            checkRoute(RouteTarget.parseList(route), inFile, line);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(inFile, line, e.getMessage());
        }
    }

    /** Every target must be a group, or a connector that can carry a message on. */
    private void checkRoute(List<RouteTarget> targets, String inFile, int line) {
        for (RouteTarget target : targets) {
            if (groups.containsKey(target.name())) {
                if (target.user().isPresent()) {
                    throw new ConfigException(inFile, line, "group '" + target.name() + "' takes no user");
                }
                continue;
            }
            ConnectorConfig connector = connectors.get(target.name());
            if (connector == null) {
                throw new ConfigException(inFile, line, "unknown connector or group '" + target.name() + "'");
            }
            if (!connector.carriesMessagesOn()) {
                throw new ConfigException(inFile, line, cannotCarry(connector));
            }
            if (target.user().isPresent() && connector.type() != Direction.INCOMING) {
                throw new ConfigException(inFile, line,
                        "only an incoming SMPP connector takes a user, not '" + target + "'");
            }
        }
    }

    private static String cannotCarry(ConnectorConfig connector) {
        return "connector '" + connector.name() + "' cannot carry messages on (incoming "
                + connector.protocol() + ")";
    }
}
