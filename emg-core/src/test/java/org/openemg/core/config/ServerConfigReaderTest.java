package org.openemg.core.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerConfigReaderTest {

    private static final String[] FULL = {
        "# general keywords",                          // 1
        "NODEID=42",                                   // 2
        "CMREXPIRE=120   # seconds",                   // 3
        "ROUTING=routing",                             // 4
        "BLACKLIST=lists/blacklist",                   // 5
        "",                                            // 6
        "CONNECTOR http-in <",                         // 7
        "TYPE=INCOMING",                               // 8
        "PROTOCOL=HTTP",                               // 9
        "ADDRESS=:8080",                               // 10
        "USERS=users",                                 // 11
        "DEFAULT_CHARCODE_TEXT=UTF8",                  // 12
        "ALLOWROUTE",                                  // 13
        "REDIRECT=http-dlr",                           // 14
        ">",                                           // 15
        "connector smpp-in <",                         // 16
        "  type = incoming",                           // 17
        "  protocol=smpp",                             // 18
        "  ADDRESS=[::1]:2775",                        // 19
        "  USERS=users",                               // 20
        "  INSTANCES=50",                              // 21
        "  ROUTE=operators",                           // 22
        ">",                                           // 23
        "CONNECTOR smpp-out <",                        // 24
        "TYPE=OUTGOING",                               // 25
        "PROTOCOL=SMPP",                               // 26
        "ADDRESS=smsc.example.com:2775",               // 27
        "USERNAME=gw",                                 // 28
        "PASSWORD=se#cret",                            // 29
        "SYSTEMTYPE=emg",                              // 30
        "MODE=TRANSMITTER",                            // 31
        "WINDOWSIZE=50",                               // 32
        "KEEPALIVE=20",                                // 33
        "LOCALIPS=10.0.0.0/8,::1/128",                 // 34
        "LOCALIPS=192.168.1.1",                        // 35
        "CONCAT=SAR",                                  // 36
        "DLR_SUPPORT=NO",                              // 37
        ">",                                           // 38
        "CONNECTOR smpp-out2 <",                       // 39
        "TYPE=OUTGOING",                               // 40
        "PROTOCOL=SMPP",                               // 41
        "ADDRESS=10.1.2.3:2776",                       // 42
        "MAXATTEMPTS=9",                               // 43
        "RETRYDELAY=30",                               // 44
        "THROUGHPUT=12.5",                             // 45
        ">",                                           // 46
        "CONNECTORGROUP operators <",                  // 47
        "CONNECTOR=smpp-out:3",                        // 48
        "CONNECTOR=smpp-out2",                         // 49
        "TYPE=LB",                                     // 50
        ">",                                           // 51
        "CONNECTOR http-dlr <",                        // 52
        "TYPE=OUTGOING",                               // 53
        "PROTOCOL=HTTP",                               // 54
        "ADDRESS=https://client.example.com/dlr?x=1",  // 55
        ">",                                           // 56
        "CONNECTOR mail-in <",                         // 57
        "TYPE=INCOMING",                               // 58
        "PROTOCOL=SMTP",                               // 59
        "ADDRESS=0.0.0.0:2525",                        // 60
        "LOCALDOMAINS=Example.com, sms.example.com",   // 61
        "USESUBJECT=yes",                              // 62
        "ROUTE=sink",                                  // 63
        ">",                                           // 64
        "CONNECTOR sink <",                            // 65
        "TYPE=OUTGOING",                               // 66
        "PROTOCOL=SINK",                               // 67
        ">",                                           // 68
    };

    private static ConfigFiles files() {
        return new ConfigFiles()
                .with("users", "# users", "alice secret ROUTE=smpp-out", "bob {SHA256}"
                        + "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b ADMIN")
                .with("routing", "smpp-out  smpp-in:alice  DESTADDR=4612345", "*  operators,sink")
                .with("lists/blacklist", "+46700000000\tREJECT", "4670111\tLOG\tSOURCEADDR");
    }

    @Test
    void readsEveryConstructOfAFullFile() {
        ServerConfig cfg = files().parse(FULL);

        assertEquals(42, cfg.nodeId());
        assertEquals(120, cfg.cmrExpireSeconds());
        assertEquals(Optional.of("routing"), cfg.general("routing"));
        assertEquals(List.of("http-in", "smpp-in", "smpp-out", "smpp-out2", "http-dlr", "mail-in", "sink"),
                cfg.connectors().stream().map(ConnectorConfig::name).toList());

        ConnectorConfig httpIn = cfg.connector("http-in").orElseThrow();
        assertAll(
                () -> assertEquals(Direction.INCOMING, httpIn.type()),
                () -> assertEquals(Protocol.HTTP, httpIn.protocol()),
                () -> assertTrue(httpIn.address().orElseThrow().anyHost()),
                () -> assertEquals(8080, httpIn.address().orElseThrow().port()),
                () -> assertTrue(httpIn.defaultCharcodeUtf8()),
                () -> assertTrue(httpIn.allowRoute()),
                () -> assertEquals(Optional.of("http-dlr"), httpIn.redirect()),
                () -> assertEquals(1, httpIn.instances()),
                () -> assertFalse(httpIn.carriesMessagesOn()));

        ConnectorConfig smppIn = cfg.connector("smpp-in").orElseThrow();
        assertAll(
                () -> assertEquals(Direction.INCOMING, smppIn.type()),
                () -> assertEquals(Protocol.SMPP, smppIn.protocol()),
                () -> assertEquals(new Endpoint("::1", 2775), smppIn.address().orElseThrow()),
                () -> assertEquals(50, smppIn.instances()),
                () -> assertEquals(Optional.of("operators"), smppIn.route()),
                () -> assertEquals(BindMode.TRANSCEIVER, smppIn.mode()),
                () -> assertFalse(smppIn.allowRoute()),
                () -> assertFalse(smppIn.defaultCharcodeUtf8()),
                () -> assertTrue(smppIn.carriesMessagesOn()));
        assertSame(httpIn.users().orElseThrow(), smppIn.users().orElseThrow(), "a users file is read once");
        assertTrue(smppIn.users().orElseThrow().find("bob").orElseThrow().admin());

        ConnectorConfig out = cfg.connector("smpp-out").orElseThrow();
        assertAll(
                () -> assertEquals(new Endpoint("smsc.example.com", 2775), out.address().orElseThrow()),
                () -> assertEquals(Optional.of("gw"), out.username()),
                () -> assertEquals(Optional.of("se#cret"), out.password()),
                () -> assertEquals(Optional.of("emg"), out.systemType()),
                () -> assertEquals(BindMode.TRANSMITTER, out.mode()),
                () -> assertEquals(50, out.windowSize()),
                () -> assertEquals(20, out.keepAliveSeconds()),
                () -> assertEquals(5, out.maxAttempts()),
                () -> assertEquals(60, out.retryDelaySeconds()),
                () -> assertEquals(List.of("10.0.0.0/8,::1/128", "192.168.1.1"), out.values("localips")),
                () -> assertEquals(Optional.of("192.168.1.1"), out.value("LOCALIPS")),
                () -> assertEquals(3, out.localIps().size()),
                () -> assertTrue(out.localIps().get(1).contains("::1")),
                () -> assertEquals(ConcatMode.SAR, out.concat()),
                () -> assertFalse(out.flag("DLR_SUPPORT")),
                () -> assertEquals(Optional.empty(), out.users()),
                () -> assertFalse(out.toString().contains("se#cret")));

        ConnectorConfig out2 = cfg.connector("smpp-out2").orElseThrow();
        assertAll(
                () -> assertEquals(9, out2.maxAttempts()),
                () -> assertEquals(30, out2.retryDelaySeconds()),
                () -> assertEquals(10, out2.windowSize()),
                () -> assertEquals(30, out2.keepAliveSeconds()),
                () -> assertEquals(ConcatMode.UDH_8BIT, out2.concat()),
                () -> assertEquals(Optional.of("12.5"), out2.value("THROUGHPUT")),
                () -> assertEquals(7, out2.intValue("IDLETIMEOUT", 7)));

        Endpoint dlr = cfg.connector("http-dlr").orElseThrow().address().orElseThrow();
        assertEquals(new Endpoint("client.example.com", 443,
                Optional.of("https://client.example.com/dlr?x=1")), dlr);

        ConnectorConfig mail = cfg.connector("mail-in").orElseThrow();
        assertEquals(List.of("example.com", "sms.example.com"), mail.localDomains());
        assertTrue(mail.flag("USESUBJECT"));

        assertEquals(new ConnectorGroup("operators", GroupType.LB,
                List.of(new ConnectorGroup.Member("smpp-out", 3), new ConnectorGroup.Member("smpp-out2", 1))),
                cfg.group("operators").orElseThrow());
        assertEquals(Optional.empty(), cfg.group("smpp-out"));
        assertEquals(Optional.empty(), cfg.connector("operators"));

        assertEquals(2, cfg.routing().rules().size());
        assertEquals(Optional.of("alice"),
                cfg.routing().match("smpp-out", "+4612345678", null).orElseThrow().targets().get(0).user());
        assertEquals(BlacklistEntry.Action.REJECT, cfg.blacklist().match(null, "46700000000").orElseThrow().action());
    }

    @Test
    void anOutgoingHttpConnectorCallsItsUrlWithGetUnlessItSaysPost() {
        ServerConfig cfg = new ConfigFiles().parse(
                "CONNECTOR get-out <", "TYPE=OUTGOING", "PROTOCOL=HTTP", "ADDRESS=http://127.0.0.1:8000/dlr", ">",
                "CONNECTOR post-out <", "TYPE=OUTGOING", "PROTOCOL=HTTP", "ADDRESS=http://127.0.0.1:8000/mo", "METHOD=post", ">");
        assertEquals(CallMethod.GET, cfg.connector("get-out").orElseThrow().callMethod());
        assertEquals(CallMethod.POST, cfg.connector("post-out").orElseThrow().callMethod());
        assertEquals(Optional.of("http://127.0.0.1:8000/mo"), cfg.connector("post-out").orElseThrow().address().orElseThrow().url());
    }

    @Test
    void aFrontEndFindsItsIncomingConnectorByProtocolAndPort() {
        ServerConfig cfg = new ConfigFiles().parse(
                "CONNECTOR http-a <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=:8080", ">",
                "CONNECTOR http-b <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=127.0.0.1:8081", ">",
                "CONNECTOR smpp-a <", "TYPE=INCOMING", "PROTOCOL=SMPP", "ADDRESS=:8081", ">",
                "CONNECTOR http-out <", "TYPE=OUTGOING", "PROTOCOL=HTTP", "ADDRESS=http://127.0.0.1:8082/dlr", ">");
        assertAll(
                () -> assertEquals("http-a", cfg.incoming("HTTP", 8080).orElseThrow().name()),
                () -> assertEquals("http-b", cfg.incoming("http", 8081).orElseThrow().name(), "any case"),
                () -> assertEquals("smpp-a", cfg.incoming("SMPP", 8081).orElseThrow().name()),
                () -> assertEquals(Optional.empty(), cfg.incoming("SMTP", 8080), "no SMTP connector"),
                () -> assertEquals(Optional.empty(), cfg.incoming("HTTP", 8082), "an outgoing connector is no front-end"),
                () -> assertEquals(Optional.empty(), cfg.incoming("HTTP", 9999)));
    }

    @Test
    void defaultsWithoutOptionalFiles() {
        ServerConfig cfg = new ConfigFiles().parse("CONNECTOR s <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">");
        assertAll(
                () -> assertEquals(0, cfg.nodeId()),
                () -> assertEquals(60, cfg.cmrExpireSeconds()),
                () -> assertEquals(Duration.ZERO, cfg.retention(), "kept for ever"),
                () -> assertTrue(cfg.routing().rules().isEmpty()),
                () -> assertEquals(0, cfg.blacklist().size()),
                () -> assertEquals(Optional.empty(), cfg.general("ROUTING")));
    }

    @ParameterizedTest
    @MethodSource("retentions")
    void retentionIsDaysUnlessAUnitSaysOtherwise(String written, Duration meant) {
        ServerConfig cfg = new ConfigFiles().parse("RETENTION=" + written, "CONNECTOR s <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">");
        assertEquals(meant, cfg.retention());
    }

    static Stream<Arguments> retentions() {
        return Stream.of(Arguments.of("30", Duration.ofDays(30)), Arguments.of("7d", Duration.ofDays(7)),
                Arguments.of("12h", Duration.ofHours(12)), Arguments.of("90 m", Duration.ofMinutes(90)),
                Arguments.of("45s", Duration.ofSeconds(45)), Arguments.of("0", Duration.ZERO));
    }

    @Test
    void readsFromEmgDirResolvingRelativeNames(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("server.cfg"), String.join("\n", "NODEID=7", "ROUTING=routing",
                "CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=users", ">",
                "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">"));
        Files.writeString(dir.resolve("users"), "u p\n");
        Files.writeString(dir.resolve("routing"), "* out\n");
        ServerConfig cfg = ServerConfigReader.read(dir);
        assertEquals(7, cfg.nodeId());
        assertTrue(cfg.connector("in").orElseThrow().users().orElseThrow().find("u").isPresent());
        assertEquals("out", cfg.routing().match("in", "1", null).orElseThrow().targets().get(0).name());
    }

    @Test
    void missingServerCfgNamesTheFile(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> ServerConfigReader.read(dir));
        assertEquals("server.cfg", e.file());
        assertEquals(0, e.line());
    }

    static final String[] OUT = {"CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", ">"};

    private static String[] withOut(String... lines) {
        return Stream.concat(Stream.of(OUT), Stream.of(lines)).toArray(String[]::new);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                error("syntax: no keyword", "server.cfg", 2, "expected KEYWORD=value",
                        "NODEID=1", "=value"),
                error("syntax: header without <", "server.cfg", 1, "expected 'CONNECTOR name <'",
                        "CONNECTOR out", "TYPE=OUTGOING", ">"),
                error("syntax: bad section name", "server.cfg", 1, "bad section name",
                        "CONNECTOR a/b <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">"),
                error("unknown general keyword", "server.cfg", 3, "unknown keyword FOO",
                        "# comment", "NODEID=1", "FOO=1"),
                error("unknown connector keyword", "server.cfg", 6, "unknown connector keyword BOGUS",
                        withOut("CONNECTOR in <", "BOGUS=1", ">")),
                error("unknown group keyword", "server.cfg", 8, "unknown group keyword WEIGHT",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=out", "TYPE=LB", "WEIGHT=2", ">")),
                error("bad number", "server.cfg", 1, "NODEID must be a whole number", "NODEID=abc"),
                error("node id too big", "server.cfg", 1, "NODEID must be between 0 and 8999", "NODEID=9000"),
                error("negative cmrexpire", "server.cfg", 2, "CMREXPIRE", "", "CMREXPIRE=-1"),
                error("retention without a number", "server.cfg", 1, "RETENTION must be a number of days", "RETENTION=soon"),
                error("retention in weeks", "server.cfg", 1, "followed by d, h, m or s", "RETENTION=2w"),
                error("bad connector number", "server.cfg", 3, "WINDOWSIZE must be a whole number",
                        "CONNECTOR out <", "TYPE=OUTGOING", "WINDOWSIZE=ten", "PROTOCOL=SMPP", ">"),
                error("zero instances", "server.cfg", 4, "INSTANCES must be between 1",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "INSTANCES=0", ">"),
                error("bad flag", "server.cfg", 4, "ALLOWROUTE must be YES or NO",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ALLOWROUTE=maybe", ">"),
                error("value missing", "server.cfg", 4, "USERNAME needs a value",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "USERNAME", ">"),
                error("bad TYPE", "server.cfg", 2, "TYPE must be INCOMING|OUTGOING, found 'BOTH'",
                        "CONNECTOR out <", "TYPE=BOTH", "PROTOCOL=SMPP", ">"),
                error("bad PROTOCOL", "server.cfg", 3, "PROTOCOL must be HTTP|SMPP|SMTP|PAP|SINK",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=UCP", ">"),
                error("bad MODE", "server.cfg", 4, "MODE must be TRANSMITTER|RECEIVER|TRANSCEIVER",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "MODE=TX", ">"),
                error("bad METHOD", "server.cfg", 4, "METHOD must be GET|POST",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=HTTP", "METHOD=PUT", ">"),
                error("bad CONCAT", "server.cfg", 4, "CONCAT must be 8BIT|16BIT|SAR|PAYLOAD",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "CONCAT=UDH", ">"),
                error("bad group TYPE", "server.cfg", 7, "TYPE must be LB|FAILOVER",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=out", "TYPE=ROUNDROBIN", ">")),
                error("bad group weight", "server.cfg", 6, "weight must be a whole number",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=out:x", "TYPE=LB", ">")),
                error("bad ADDRESS", "server.cfg", 4, "ADDRESS '::1:2775': an IPv6 address needs brackets",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=::1:2775", ">"),
                error("ADDRESS without port", "server.cfg", 4, "has no port",
                        "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=smsc", ">"),
                error("bad LOCALIPS", "server.cfg", 4, "LOCALIPS: not an IP address",
                        "CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=SMTP", "LOCALIPS=10.0.0.0/8,intranet", ">"),
                error("missing TYPE", "server.cfg", 2, "connector 'out' has no TYPE",
                        "", "CONNECTOR out <", "PROTOCOL=SMPP", ">"),
                error("missing PROTOCOL", "server.cfg", 1, "connector 'out' has no PROTOCOL",
                        "CONNECTOR out <", "TYPE=OUTGOING", ">"),
                error("duplicate connector", "server.cfg", 5, "'out' is already defined at line 1",
                        withOut("CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SINK", ">")),
                error("group named like a connector", "server.cfg", 5, "'out' is already defined at line 1",
                        withOut("CONNECTORGROUP out <", "CONNECTOR=out", "TYPE=LB", ">")),
                error("unterminated section", "server.cfg", 5, "section 'in' is not closed",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP")),
                error("section opened inside a section", "server.cfg", 3, "section 'a' (line 1) is not closed",
                        "CONNECTOR a <", "TYPE=OUTGOING", "CONNECTOR b <", ">"),
                error("> without section", "server.cfg", 2, "'>' without an open section", "NODEID=1", ">"),
                error("group naming unknown connector", "server.cfg", 6, "unknown connector 'nope'",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=nope", "TYPE=FAILOVER", ">")),
                error("group naming a connector that cannot carry", "server.cfg", 10,
                        "connector 'in' cannot carry messages on",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", ">",
                                "CONNECTORGROUP g <", "CONNECTOR=in", "TYPE=FAILOVER", ">")),
                error("group without TYPE", "server.cfg", 5, "group 'g' has no TYPE",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=out", ">")),
                error("group without members", "server.cfg", 5, "group 'g' has no CONNECTOR",
                        withOut("CONNECTORGROUP g <", "TYPE=LB", ">")),
                error("group member twice", "server.cfg", 7, "connector 'out' is listed twice",
                        withOut("CONNECTORGROUP g <", "CONNECTOR=out", "CONNECTOR=out:2", "TYPE=LB", ">")),
                error("ROUTE to unknown connector", "server.cfg", 8, "unknown connector or group 'nowhere'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTE=nowhere", ">")),
                error("ROUTE fallback unknown", "server.cfg", 8, "unknown connector or group 'nowhere'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTE=out,nowhere", ">")),
                error("ROUTEDLR to unknown connector", "server.cfg", 8, "unknown connector or group 'x'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTEDLR=x", ">")),
                error("REDIRECT to unknown connector", "server.cfg", 8, "unknown connector or group 'dlr'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "REDIRECT=dlr", ">")),
                error("ROUTE to an incoming HTTP connector", "server.cfg", 8,
                        "connector 'in' cannot carry messages on (incoming HTTP)",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTE=in", ">")),
                error("user on an outgoing target", "server.cfg", 8, "only an incoming SMPP connector takes a user",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ROUTE=out:bob", ">")),
                error("users file missing", "server.cfg", 8, "cannot read users file 'nousers'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=nousers", ">")),
                error("routing file missing", "server.cfg", 1, "cannot read routing file 'norouting'",
                        "ROUTING=norouting"),
                error("blacklist file missing", "server.cfg", 2, "cannot read blacklist file 'nolist'",
                        "NODEID=1", "BLACKLIST=nolist"),
                error("user ROUTE to unknown connector", "badusers", 3, "unknown connector or group 'gone'",
                        withOut("CONNECTOR in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "USERS=badusers", ">")),
                error("routing rule naming unknown target", "badrouting", 3, "unknown connector or group 'nope'",
                        withOut("ROUTING=badrouting")),
                error("routing rule naming unknown incoming", "badincoming", 1, "unknown connector 'ghost'",
                        withOut("ROUTING=badincoming")),
                error("routing rule with bad regex", "badregex", 2, "bad DESTADDR regex",
                        withOut("ROUTING=badregex")),
                error("routing rule with unknown keyword", "badkey", 1, "unknown routing keyword SOURCEADDR",
                        withOut("ROUTING=badkey")),
                error("routing rule without target", "notarget", 1, "expected '<incoming connector|*> <target>",
                        withOut("ROUTING=notarget")),
                error("blacklist bad action", "badlist", 2, "action must be REJECT|LOG, found 'DROP'",
                        "BLACKLIST=badlist"),
                error("blacklist bad field", "badlist2", 1, "field must be SOURCEADDR|DESTADDR",
                        "BLACKLIST=badlist2"));
    }

    private static Arguments error(String what, String file, int line, String problem, String... cfg) {
        return Arguments.of(what, file, line, problem, cfg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void rejectsWithFileAndLine(String what, String file, int line, String problem, String[] cfg) {
        ConfigFiles files = new ConfigFiles()
                .with("users", "")
                .with("badusers", "alice secret", "# nothing", "bob secret ROUTE=out,gone")
                .with("badrouting", "* out DESTADDR=46", "", "* nope")
                .with("badincoming", "ghost out")
                .with("badregex", "* out DESTADDR=/46/", "* out DESTADDR=/4(6/")
                .with("badkey", "* out SOURCEADDR=1")
                .with("notarget", "out")
                .with("badlist", "4670 REJECT", "4671 DROP")
                .with("badlist2", "4670\tLOG\tBOTH");
        ConfigException e = assertThrows(ConfigException.class, () -> files.parse(cfg));
        assertAll(
                () -> assertEquals(file, e.file(), e.getMessage()),
                () -> assertEquals(line, e.line(), e.getMessage()),
                () -> assertTrue(e.problem().contains(problem), e.getMessage()),
                () -> assertEquals(file + ":" + line + ": " + e.problem(), e.getMessage()));
    }

    @Test
    void passwordsNeverAppearInErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigFiles().parse(
                "CONNECTOR out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "PASSWORD=topsecret", "MODE=X", ">"));
        assertFalse(e.getMessage().contains("topsecret"));
    }
}
