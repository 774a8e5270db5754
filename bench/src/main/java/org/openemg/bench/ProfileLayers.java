package org.openemg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a CPU profile's samples go, by layer, for RESULTS.md: each sample of a collapsed-stack profile
 * ({@link CpuProfile}) is credited to the innermost frame that names an owner (the gateway, H2, or one of the
 * container's layers); a sample below that frame parking or waking a thread counts as that owner's thread hand-off, one
 * in a socket call as a socket call whoever made it, and the JVM's own threads (JIT, GC) apart.
 * {@code java -cp target/classes org.openemg.bench.ProfileLayers profile.collapsed [µs per message]}
 */
public final class ProfileLayers {

    /** A row of the table; {@code container}: the application server's, as the design card has it. */
    record Layer(String name, boolean container) {
    }

    static final Layer JVM = new Layer("JVM threads (JIT compilers, GC, VM)", false);
    static final Layer SOCKETS = new Layer("socket calls (HTTP, SMPP, epoll)", false);

    private record Owner(String name, boolean container, Pattern frames) {
    }

    /** A sample without any owner's frame: the JDK's alone. */
    private static final Owner UNOWNED = new Owner("JDK only", false, null);

    /** In order: a frame takes the first owner whose pattern it starts with. */
    private static final List<Owner> OWNERS = List.of(
            new Owner("gateway", false, Pattern.compile("^org\\.openemg\\.")),
            new Owner("H2", false, Pattern.compile("^org\\.h2\\.")),
            new Owner("jSMPP", false, Pattern.compile("^org\\.jsmpp\\.")),
            new Owner("Hibernate", true, Pattern.compile("^org\\.hibernate\\.")),
            new Owner("IronJacamar (JCA, pool)", true, Pattern.compile("^org\\.jboss\\.jca\\.")),
            new Owner("Narayana (JTA)", true, Pattern.compile("^(com\\.arjuna|org\\.jboss\\.tm|org\\.wildfly\\.transaction|org\\.jboss\\.narayana)\\.")),
            new Owner("EJB container", true, Pattern.compile("^org\\.jboss\\.(as\\.ejb3|invocation|as\\.ee|ejb)\\.")),
            new Owner("Weld (CDI)", true, Pattern.compile("^org\\.jboss\\.(weld|as\\.weld)\\.")),
            new Owner("Elytron", true, Pattern.compile("^org\\.wildfly\\.security\\.")),
            new Owner("RESTEasy", true, Pattern.compile("^org\\.jboss\\.resteasy\\.")),
            new Owner("Undertow servlet", true, Pattern.compile("^(io\\.undertow\\.servlet|org\\.wildfly\\.extension\\.undertow)\\.")),
            new Owner("Undertow", true, Pattern.compile("^io\\.undertow\\.")),
            new Owner("XNIO and JBoss Threads", true, Pattern.compile("^(org\\.xnio|org\\.jboss\\.threads)\\.")),
            new Owner("other WildFly", true, Pattern.compile("^(org\\.jboss|org\\.wildfly)\\.")));
    private static final Pattern PARKING = Pattern.compile("LockSupport\\.|Unsafe\\.(park|unpark)|futex|pthread_cond|lll_lock");
    private static final Pattern SOCKET = Pattern.compile(
            "writev|epoll|EventFD|SocketDispatcher|NioSocketImpl|Net\\.available|sys_(read|write|sendto|recvfrom)");
    private static final Pattern JVM_THREAD = Pattern.compile("^\\[(C1 |C2 |G1 |GC |VM Thread|VM Periodic|Sweeper)");

    private ProfileLayers() {
    }

    public static void main(String[] args) throws IOException {
        Map<Layer, Long> samples;
        try (Stream<String> lines = Files.lines(Path.of(args[0]))) {
            samples = layers(lines);
        }
        Double micros = args.length > 1 ? Double.valueOf(args[1]) : null;
        System.out.print(table(samples, micros));
    }

    /** Samples per layer of a collapsed profile (one stack a line: frames by ';', then the count), largest first. */
    static Map<Layer, Long> layers(Stream<String> lines) {
        Map<Layer, Long> counts = new LinkedHashMap<>();
        lines.filter(line -> !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            counts.merge(layer(line.substring(0, space).split(";")), Long.parseLong(line.substring(space + 1).trim()), Long::sum);
        });
        Map<Layer, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<Layer, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The layer of one sample, its frames root first (async-profiler's thread frame, with {@code threads}, first of all). */
    static Layer layer(String[] frames) {
        if (frames.length > 0 && JVM_THREAD.matcher(frames[0]).find()) {
            return JVM;
        }
        for (int i = frames.length - 1; i >= 0; i--) {
            String frame = frames[i].replace('/', '.');
            for (Owner owner : OWNERS) {
                if (owner.frames().matcher(frame).find()) {
                    return below(frames, i, owner);
                }
            }
        }
        return below(frames, 0, UNOWNED);
    }

    private static Layer below(String[] frames, int from, Owner owner) {
        String calls = String.join(";", List.of(frames).subList(from, frames.length));
        if (PARKING.matcher(calls).find()) {
            return new Layer("thread hand-offs: " + owner.name(), owner.container());
        }
        if (SOCKET.matcher(calls).find()) {
            return SOCKETS;
        }
        return new Layer((owner.container() ? "container: " : "") + owner.name(), owner.container());
    }

    /** A Markdown table of the layers' shares, and their µs per message when that is given; then the container's sum. */
    static String table(Map<Layer, Long> samples, Double microsPerMessage) {
        long total = samples.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder(total + " samples\n\n| layer | share of samples |"
                + (microsPerMessage == null ? "" : " µs per message |") + "\n|---|---|" + (microsPerMessage == null ? "" : "---|") + "\n");
        long container = 0;
        for (Map.Entry<Layer, Long> e : samples.entrySet()) {
            sb.append(row(e.getKey().name(), e.getValue(), total, microsPerMessage));
            if (e.getKey().container()) {
                container += e.getValue();
            }
        }
        return sb.append(row("**the container's layers, their thread hand-offs included**", container, total, microsPerMessage)).toString();
    }

    private static String row(String layer, long count, long total, Double microsPerMessage) {
        double share = total == 0 ? 0 : (double) count / total;
        return String.format(Locale.ROOT, "| %s | %.1f%% |%s\n", layer, 100 * share,
                microsPerMessage == null ? "" : String.format(Locale.ROOT, " %.0f |", share * microsPerMessage));
    }
}
