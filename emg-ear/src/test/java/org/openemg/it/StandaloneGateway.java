package org.openemg.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openemg.testkit.Eventually;
import org.openemg.testkit.GatewayHttp;

/**
 * A second gateway, started and killed by the test itself (Arquillian's server must stay up for the
 * other tests): its own base directory, database, EMGDIR and loopback address (it.crash.host, 127.0.0.3).
 */
final class StandaloneGateway {

    static final String HOST = System.getProperty("it.crash.host");
    /** Binds of its smpp-out to the run's SMSC simulator, and the window of each. */
    static final int BINDS = 2;
    static final int WINDOW = 10;

    private final Path base;
    private final Path emgDir;
    private final int httpPort = Integer.getInteger("it.crash.http.port");
    private final int managementPort = Integer.getInteger("it.crash.mgmt.port");
    private final int smppInPort = Integer.getInteger("it.crash.smppin.port");
    private final GatewayHttp http = new GatewayHttp(URI.create("http://" + HOST + ":" + httpPort));
    private String dbUrl;
    private Process shell;

    StandaloneGateway(String name) throws IOException {
        Path work = Path.of(System.getProperty("it.work"));
        base = work.resolve(name + "-server");
        emgDir = work.resolve(name + "-emgdir");
        prepare(work.resolve(name + "-db"));
    }

    private void prepare(Path database) throws IOException {
        deleteRecursively(base);
        deleteRecursively(database);
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(emgDir);
        // the integration tests' server configuration, emg.cli applied (the datasource, among others)
        Path configured = Path.of(System.getProperty("it.server.configuration"));
        try (Stream<Path> files = Files.walk(configured)) {
            for (Path source : files.filter(f -> !f.toString().contains("standalone_xml_history")).toList()) {
                Path target = base.resolve("configuration").resolve(configured.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.copy(Path.of(System.getProperty("it.ear")), base.resolve("deployments/emg-ear.ear"));
        Files.writeString(emgDir.resolve("server.cfg"), String.join("\n",
                "NODEID=9", "ROUTING=routing",
                "CONNECTOR http-in <", "TYPE=INCOMING", "PROTOCOL=HTTP", "ADDRESS=" + HOST + ":" + httpPort, "USERS=users", ">",
                "CONNECTOR smpp-out <", "TYPE=OUTGOING", "PROTOCOL=SMPP", "ADDRESS=127.0.0.1:" + Integer.getInteger("it.smsc.port"),
                "USERNAME=gateway", "PASSWORD=smscpass", "INSTANCES=" + BINDS, "WINDOWSIZE=" + WINDOW, "KEEPALIVE=5", "RETRYDELAY=1", ">",
                "CONNECTOR smpp-in <", "TYPE=INCOMING", "PROTOCOL=SMPP", "ADDRESS=" + HOST + ":" + smppInPort,
                "USERS=smppusers", ">", ""));
        Files.writeString(emgDir.resolve("routing"), "*\tsmpp-out\n");
        Files.writeString(emgDir.resolve("users"), "alice\tsecret\noperator\topsecret\tADMIN\n");
        Files.writeString(emgDir.resolve("smppusers"), "acme\tsecret\n");
        dbUrl = "jdbc:h2:file:" + database.resolve("emg") + ";WRITE_DELAY=0";
    }

    void start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("it.wildfly.home"));
        ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/standalone.sh").toString(),
                "--read-only-server-config=standalone-full.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=" + HOST,
                "-Djboss.bind.address.management=" + HOST, "-Djboss.bind.address.unsecure=" + HOST,
                "-Djboss.http.port=" + httpPort, "-Djboss.management.http.port=" + managementPort,
                "-Demg.dir=" + emgDir, "-Demg.db.url=" + dbUrl, "-Demg.db.driver=h2", "-Demg.db.user=sa", "-Demg.db.password=sa"))
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console.log").toFile());
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
        shell = builder.start();
        if (!Eventually.within(Duration.ofSeconds(120), this::answers)) {
            throw new IllegalStateException("the standalone gateway did not come up; see " + base.resolve("console.log"));
        }
    }

    /** kill -9 of the server's JVM: no shutdown hook, no flush. */
    void crash() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(base.resolve("server.pid")).strip());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        shell.waitFor();
    }

    void stop() {
        try {
            crash();
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (shell != null) {
                shell.descendants().forEach(ProcessHandle::destroyForcibly);
                shell.destroyForcibly();
            }
        }
    }

    /** The server's log, kept across restarts (console.log starts anew with each). */
    List<String> serverLog() throws IOException {
        return Files.readAllLines(base.resolve("log/server.log"));
    }

    /** The port of its smpp-in connector, on {@link #HOST}. */
    int smppInPort() {
        return smppInPort;
    }

    /** The client of its http-in connector. */
    GatewayHttp http() {
        return http;
    }

    /** Its http-in client logged in as an ADMIN user, who reads every message's /bin/status. */
    GatewayHttp operator() {
        return http.withBasicAuth("operator", "opsecret");
    }

    private boolean answers() {
        try {
            return http.post("/bin/status", GatewayHttp.params().add("ID", "1")).statusCode() < 500;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
