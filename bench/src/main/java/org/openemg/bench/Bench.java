package org.openemg.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.openemg.testkit.EsmeClient;
import org.openemg.testkit.SmscSimulator;

/**
 * The benchmark driver, started by run.sh before WildFly:
 * <ol>
 * <li>starts the SMSC simulator and writes its port to {@code <dir>/smsc.port};</li>
 * <li>waits for {@code <dir>/ready} (run.sh writes the WildFly JVM's pid there once the
 *     gateway answers HTTP) and for the gateway's binds;</li>
 * <li>warm-up, then the measured batch; CPU of the WildFly pid from /proc before and after;</li>
 * <li>waits for the SMSC to have received every accepted message, checks each arrived exactly
 *     once, writes {@code <dir>/results.md} and exits 0 (figures written) or 2 (nothing measured).</li>
 * </ol>
 * Arguments are {@code key=value}; see {@link #main}.
 */
public final class Bench {

    private static final long BASE = 46_700_000_000L;
    private static final int WARMUP_ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = Path.of(a.getOrDefault("dir", "target/run"));
        String url = a.getOrDefault("url", "http://127.0.0.1:8080");
        String user = a.getOrDefault("user", "bench");
        String password = a.getOrDefault("password", "bench");
        int clients = Integer.parseInt(a.getOrDefault("clients", "8"));
        int perRequest = Integer.parseInt(a.getOrDefault("perRequest", "100"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "5000"));
        int messages = Integer.parseInt(a.getOrDefault("messages", "50000"));
        int binds = Integer.parseInt(a.getOrDefault("binds", "2"));
        int loadSeconds = Integer.parseInt(a.getOrDefault("loadSeconds", "150"));
        int drainSeconds = Integer.parseInt(a.getOrDefault("drainSeconds", "60"));
        int stallSeconds = Integer.parseInt(a.getOrDefault("stallSeconds", "15"));
        long clkTck = Long.parseLong(a.getOrDefault("clkTck", "100"));
        boolean jstack = Boolean.parseBoolean(a.getOrDefault("jstack", "true"));
        // a JFR recording of WildFly (profile settings) of jfrSeconds from halfway through the measured requests
        int jfrSeconds = Integer.parseInt(a.getOrDefault("jfrSeconds", "0"));
        // an async-profiler CPU profile of WildFly of profileSeconds from the same point, summarised by ProfileLayers
        int profileSeconds = Integer.parseInt(a.getOrDefault("profileSeconds", "0"));
        // SMPP instead of HTTP: esmeBinds binds to the gateway's smpp-in, clients threads spread over them
        int smppPort = Integer.parseInt(a.getOrDefault("smppPort", "0"));
        int esmeBinds = Integer.parseInt(a.getOrDefault("esmeBinds", "4"));
        // with esmeReceipts the binds are transceivers, every submit_sm asks for a receipt, and the DLRs back count
        boolean esmeReceipts = Boolean.parseBoolean(a.getOrDefault("esmeReceipts", "false"));
        // SMTP instead of HTTP: one session per client thread to the gateway's smtp-in, a mail per message
        int smtpPort = Integer.parseInt(a.getOrDefault("smtpPort", "0"));
        String smtpDomain = a.getOrDefault("smtpDomain", "sms.bench.example");
        // messages per second offered during the measured batch (0: each client's next request once the last was answered)
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        URI prometheus = URI.create(a.getOrDefault("prometheus", "http://127.0.0.1:9990/prometheus"));

        Files.createDirectories(dir);
        Arrivals arrivals = new Arrivals(BASE, warmup + messages);
        // the bench counts arrivals itself: keeping every submit_sm would only fill the heap
        try (SmscSimulator smsc = SmscSimulator.on(0).credentials("bench", "bench")
                .observeSubmits(arrivals).keepSubmits(false).start()) {
            writeAtomically(dir.resolve("smsc.port"), Integer.toString(smsc.port()));
            log("SMSC simulator listening on 127.0.0.1:" + smsc.port());

            long pid = Long.parseLong(awaitFile(dir.resolve("ready"), 240).strip());
            log("gateway is up, WildFly pid " + pid + "; waiting for " + binds + " binds");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (smsc.boundLinks() < binds && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            int bound = smsc.boundLinks();
            log(bound + " binds");

            List<EsmeClient> esmes = null;
            DlrArrivals dlrs = smppPort > 0 && esmeReceipts ? new DlrArrivals(BASE, warmup + messages) : null;
            if (smppPort > 0) {
                esmes = new ArrayList<>();
                for (int i = 0; i < esmeBinds; i++) {
                    esmes.add(EsmeClient.bind(java.net.URI.create(url).getHost(), smppPort,
                            dlrs == null ? BindType.BIND_TX : BindType.BIND_TRX, user, password, dlrs));
                }
                log(esmeBinds + " SMPP clients bound to the gateway" + (dlrs == null ? "" : " as transceivers, asking for receipts"));
            }
            List<SmtpClient> mailers = null;
            if (smtpPort > 0) {
                mailers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    mailers.add(new SmtpClient(java.net.URI.create(url).getHost(), smtpPort, smtpDomain, "12345"));
                }
                log(clients + " SMTP sessions open to the gateway");
            }
            Load load = new Load(url, user, password, BASE, warmup + messages, perRequest, Load.Style.GATEWAY_POST,
                    esmes, mailers);
            if (dlrs != null) {
                load.askReceipts();
            }
            Progress progress = new Progress(arrivals, dlrs, load);
            progress.start();

            // warm-up: same path, not measured; then let the queue run dry
            progress.phase("warm-up", null);
            // as long as the measured batch may take, and no slower than 1,000 msg/s (or the rate): a long warm-up is what
            // lets WildFly's C2 compiler settle; paced like the measured batch, whose code paths an unpaced load leaves cold
            load.pace(rate);
            long warmSeconds = Math.max(loadSeconds, (long) (warmup / (rate > 0 ? Math.min(rate, 1000) : 1000)) + 10);
            // Prometheus reads the management interface while the warm-up runs, as it would in production: its first read
            // otherwise lands between the batches and sends Undertow's compiled request path back to the interpreter
            ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
            scraper.scheduleWithFixedDelay(() -> AcceptTimes.scrape(prometheus), 0, 5, TimeUnit.SECONDS);
            // in rounds, each on new connections: a warm-up on connections that never close leaves compiled code that
            // the measured batch's first connects and closes send back to the interpreter
            long warmAccepted = 0;
            String warmProblem = null;
            try {
                for (int round = 0, from = 0; round < WARMUP_ROUNDS; round++) {
                    int size = round == WARMUP_ROUNDS - 1 ? warmup - from
                            : (warmup / WARMUP_ROUNDS) / perRequest * perRequest;
                    Load.Phase warm = load.run(from, size, clients,
                            System.nanoTime() + TimeUnit.SECONDS.toNanos(warmSeconds / WARMUP_ROUNDS + 1), null);
                    progress.phase("warm-up", warm);
                    warmAccepted += warm.acceptedMessages.get();
                    warmProblem = warmProblem != null ? warmProblem : warm.firstProblem.get();
                    from += size;
                }
            } finally {
                scraper.shutdownNow();
            }
            awaitArrivals(arrivals, load.ids, 0, warmup, 30, 10);
            if (dlrs != null) {
                awaitArrivals(dlrs, load.ids, 0, warmup, 30, 10);
            }
            Thread.sleep(1000);

            Path dump = dir.resolve("jstack-mid.txt");
            Runnable dumpIt = jstack ? () -> threadDump(pid, dump) : () -> { };
            Runnable halfway = jfrSeconds > 0 || profileSeconds > 0 ? () -> {
                if (jfrSeconds > 0) {
                    jfr(pid, dir.resolve("wildfly.jfr"), jfrSeconds);
                }
                if (profileSeconds > 0) {
                    CpuProfile.record(pid, dir.resolve("wildfly.collapsed"), profileSeconds);
                }
                dumpIt.run();
            } : jstack ? dumpIt : null;
            long[] cpu0 = cpu(pid);
            long jit0 = JitCompilers.ticks(new long[] {pid});
            long self0 = selfCpuTicks();
            long[] machine0 = machineTicks();
            Map<Long, long[]> procs0 = processTicks();
            AcceptTimes accept0 = AcceptTimes.scrape(prometheus);
            progress.phase("measured", null);
            Load.Phase phase = load.run(warmup, messages, clients,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds), halfway);
            progress.phase("measured", phase);
            long answeredAt = phase.lastAnswer.get();
            long[] cpuAccepted = cpu(pid);
            String acceptTimes = AcceptTimes.scrape(prometheus).since(accept0);
            if (jstack) {
                Thread dumps = new Thread(() -> {
                    for (int i = 1; i <= 2; i++) {
                        try {
                            Thread.sleep(3000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        if (arrivals.total() < (long) warmup + messages) {
                            threadDump(pid, dir.resolve("jstack-drain-" + i + ".txt"));
                        }
                    }
                }, "drain-dumps");
                dumps.setDaemon(true);
                dumps.start();
            }
            long arrivedByAnswer = arrivals.total() - warmup;
            Drain drain = awaitArrivals(arrivals, load.ids, warmup, warmup + messages, drainSeconds, stallSeconds);
            drain = new Drain(drain.complete(), drain.lastArrival(), drain.why(), arrivedByAnswer);
            Drain dlrDrain = dlrs == null ? null : awaitArrivals(dlrs, load.ids, warmup, warmup + messages, drainSeconds, stallSeconds);
            Thread.sleep(1000); // results of the last submit_sm_resp are recorded within a flush
            long[] cpu1 = cpu(pid);
            double jitSeconds = (JitCompilers.ticks(new long[] {pid}) - jit0) / (double) clkTck;
            long self1 = selfCpuTicks();
            long[] machine1 = machineTicks();
            Map<Long, long[]> procs1 = processTicks();
            String others = topOthers(procs0, procs1, Set.of(pid, ProcessHandle.current().pid()), clkTck);
            progress.stopNow();
            Thread.sleep(2000); // a late duplicate would show up here

            String report = report(dir, others, acceptTimes, jitSeconds, arrivals, dlrs, dlrDrain, load, warmAccepted, warmProblem, phase, answeredAt, drain, cpu0, cpuAccepted, cpu1, self1 - self0,
                    machine0, machine1, clkTck, clients, perRequest, warmup, messages, bound, binds, jstack ? dump : null);
            writeAtomically(dir.resolve("results.md"), report);
            System.out.println(report);
            System.exit(phase.acceptedMessages.get() > 0 ? 0 : 2);
        }
    }

    private static String report(Path dir, String others, String acceptTimes, double jitSeconds, Arrivals arrivals, DlrArrivals dlrs, Drain dlrDrain, Load load, long warmAccepted, String warmProblem, Load.Phase phase,
                                 long answeredAt, Drain drain, long[] cpu0, long[] cpuAccepted, long[] cpu1,
                                 long benchTicks,
                                 long[] machine0, long[] machine1, long clkTck, int clients, int perRequest,
                                 int warmup, int messages, int bound, int binds, Path dump) throws IOException {
        long accepted = phase.acceptedMessages.get();
        double acceptSeconds = phase.secondsTo(answeredAt);
        int measuredReceived = 0;
        for (int k = warmup; k < warmup + messages; k++) {
            if (load.ids[k] != 0 && arrivals.count(k) > 0) {
                measuredReceived++;
            }
        }
        double e2eSeconds = phase.secondsTo(drain.lastArrival);
        long[] lat = phase.sortedLatencies();
        double gwCpu = (cpu1[0] + cpu1[1] - cpu0[0] - cpu0[1]) / (double) clkTck;
        double gwUser = (cpu1[0] - cpu0[0]) / (double) clkTck;
        double gwSys = (cpu1[1] - cpu0[1]) / (double) clkTck;
        double benchCpu = benchTicks / (double) clkTck;
        long busy = machine1[0] - machine0[0];
        long all = machine1[1] - machine0[1];
        double machineCpu = busy / (double) clkTck;
        double wall = all / (double) clkTck / Runtime.getRuntime().availableProcessors();

        // correctness over every message of the run (warm-up included)
        int total = warmup + messages;
        long acceptedAll = 0;
        long exactlyOnce = 0;
        long missing = 0;
        long duplicated = 0;
        long extraCopies = 0;
        long notAcceptedButArrived = 0;
        Set<Long> seenIds = new HashSet<>();
        long duplicateIds = 0;
        for (int k = 0; k < total; k++) {
            int n = arrivals.count(k);
            if (load.ids[k] != 0) {
                acceptedAll++;
                if (!seenIds.add(load.ids[k])) {
                    duplicateIds++;
                }
                if (n == 0) {
                    missing++;
                } else if (n == 1) {
                    exactlyOnce++;
                } else {
                    duplicated++;
                    extraCopies += n - 1;
                }
            } else if (n > 0) {
                notAcceptedButArrived++;
            }
        }
        long firstMissingId = 0;
        long lastAcceptedId = 0;
        for (int k = warmup; k < total; k++) {
            if (load.ids[k] != 0) {
                lastAcceptedId = load.ids[k];
                if (firstMissingId == 0 && arrivals.count(k) == 0) {
                    firstMissingId = load.ids[k];
                }
            }
        }

        StringBuilder r = new StringBuilder();
        r.append("| figure | value |\n|---|---|\n");
        row(r, "clients x DESTADDR per request", clients + " x " + perRequest);
        row(r, "binds seen at the SMSC", bound + " (expected " + binds + ")");
        row(r, "warm-up", warmAccepted + " of " + warmup + " accepted in " + WARMUP_ROUNDS + " rounds"
                + (warmProblem != null ? "; first problem: " + warmProblem : ""));
        row(r, "measured batch", messages + " messages in " + phase.requests + " requests, "
                + phase.completed.get() + " requests answered/failed, " + phase.failedRequests.get() + " failed");
        row(r, "**accepted (ids answered, committed)**", String.format(Locale.ROOT, "**%.0f msg/s** (%d msgs in %.2f s)",
                accepted / acceptSeconds, accepted, acceptSeconds));
        row(r, "refused / failed messages", Long.toString(phase.refusedMessages.get())
                + (phase.firstProblem.get() != null ? " (first: " + phase.firstProblem.get() + ")" : ""));
        row(r, "**end-to-end (submit_sm at the SMSC)**", String.format(Locale.ROOT,
                "**%.0f msg/s** (%d of %d accepted arrived, first request to last submit %.2f s)%s",
                measuredReceived / e2eSeconds, measuredReceived, accepted, e2eSeconds,
                drain.complete ? "" : "; NOT all arrived: " + drain.why));
        row(r, "latency per request (" + perRequest + " msgs)", lat.length == 0 ? "n/a" : String.format(Locale.ROOT,
                "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answers)",
                pct(lat, 0.50) / 1e6, pct(lat, 0.99) / 1e6, lat[lat.length - 1] / 1e6, lat.length));
        row(r, "of which in the gateway's acceptance (its emg_accept_latency_seconds)", acceptTimes);
        row(r, "**WildFly CPU per message**", String.format(Locale.ROOT,
                "**%.0f µs/msg** (%.2f s CPU: user %.2f + sys %.2f, over the measured batch incl. drain"
                        + (dlrs == null ? "" : " and the DLRs back") + ")",
                accepted == 0 ? 0.0 : gwCpu * 1e6 / accepted, gwCpu, gwUser, gwSys));
        row(r, "of which WildFly's JIT compilers", String.format(Locale.ROOT,
                "%.2f s (a warm-up too short for the load leaves the C2 compiler busy in the measured batch)", jitSeconds));
        double cpuUntilAnswered = (cpuAccepted[0] + cpuAccepted[1] - cpu0[0] - cpu0[1]) / (double) clkTck;
        row(r, "WildFly CPU split", String.format(Locale.ROOT,
                "%.2f s until the last HTTP answer (accepting, and dispatching what it could meanwhile: %d submit_sm "
                        + "by then), %.2f s after it (dispatching the rest)",
                cpuUntilAnswered, drain.arrivedByAnswer, gwCpu - cpuUntilAnswered));
        row(r, "bench JVM CPU (clients + SMSC)", String.format(Locale.ROOT, "%.2f s = %.0f µs/msg",
                benchCpu, accepted == 0 ? 0.0 : benchCpu * 1e6 / accepted));
        row(r, "machine CPU in that interval", String.format(Locale.ROOT,
                "%.2f s busy of %.2f s x %d cores (%.0f%%); other processes %.2f s",
                machineCpu, wall, Runtime.getRuntime().availableProcessors(),
                wall == 0 ? 0.0 : 100.0 * machineCpu / (wall * Runtime.getRuntime().availableProcessors()),
                machineCpu - gwCpu - benchCpu));
        row(r, "biggest other CPU users in that interval (only processes alive at both ends; short-lived ones, e.g. Maven builds, are in the line above but not here)", others);
        row(r, "correctness (all " + total + " messages)", String.format(Locale.ROOT,
                "%d accepted; %d arrived exactly once, %d missing, %d duplicated (%d extra copies), "
                        + "%d arrived without an accepted id, %d unexpected destinations, %d duplicate ids; "
                        + "%d submit_sm in all",
                acceptedAll, exactlyOnce, missing, duplicated, extraCopies, notAcceptedButArrived,
                arrivals.unexpected(), duplicateIds, arrivals.total()));
        if (dlrs != null) {
            dlrRows(r, dlrs, dlrDrain, load, phase.start, warmup, total);
        }
        if (lastAcceptedId != 0) {
            row(r, "/bin/status of the last accepted id", load.status(lastAcceptedId));
        }
        if (firstMissingId != 0) {
            row(r, "/bin/status of the first missing id", load.status(firstMissingId));
        }
        long dbBytes = h2Bytes(dir);
        if (dbBytes >= 0) {
            row(r, "H2 database files after the run", String.format(Locale.ROOT, "%.1f MB (%.1f KB per message)",
                    dbBytes / 1e6, dbBytes / 1e3 / Math.max(1, acceptedAll)));
        }
        if (dump != null) {
            row(r, "thread dumps", dump + " (halfway through the requests), jstack-drain-*.txt (3 s and 6 s after the last answer, if still draining)");
        }
        return r.toString();
    }

    /** The size of the H2 files in the run's db directory; -1 when the gateway ran on another database (none there). */
    static long h2Bytes(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("db"))) {
            return -1;
        }
        try (var files = Files.list(dir.resolve("db"))) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The DLRs' rate over the measured batch, and whether each accepted message of the run got exactly one, naming its id. */
    private static void dlrRows(StringBuilder r, DlrArrivals dlrs, Drain drain, Load load, long start, int warmup, int total) {
        long measured = 0;
        long accepted = 0;
        for (int k = warmup; k < total; k++) {
            if (load.ids[k] != 0) {
                accepted++;
                if (dlrs.count(k) > 0) {
                    measured++;
                }
            }
        }
        double seconds = measured == 0 ? 0.0 : (drain.lastArrival() - start) / 1e9;
        row(r, "**DLRs back (receipt deliver_sm at the clients)**", String.format(Locale.ROOT,
                "**%.0f DLR/s** (%d of %d accepted got theirs, first submit to last DLR %.2f s)%s",
                seconds <= 0 ? 0.0 : measured / seconds, measured, accepted, seconds,
                drain.complete() ? "" : "; NOT all came: " + drain.why()));
        long exactlyOnce = 0;
        long missing = 0;
        long duplicated = 0;
        long extraCopies = 0;
        long wrongId = 0;
        long notAccepted = 0;
        long firstMissingId = 0;
        for (int k = 0; k < total; k++) {
            int n = dlrs.count(k);
            if (load.ids[k] == 0) {
                notAccepted += n > 0 ? 1 : 0;
            } else if (n == 0) {
                missing++;
                firstMissingId = firstMissingId == 0 ? load.ids[k] : firstMissingId;
            } else if (dlrs.receiptedId(k) != load.ids[k]) {
                wrongId++;
            } else if (n == 1) {
                exactlyOnce++;
            } else {
                duplicated++;
                extraCopies += n - 1;
            }
        }
        row(r, "DLR correctness (all " + total + " messages)", String.format(Locale.ROOT,
                "%d exactly once naming the id of submit_sm_resp, %d missing, %d duplicated (%d extra copies), "
                        + "%d naming another id, %d for a message not accepted, %d other deliver_sm; %d deliver_sm in all",
                exactlyOnce, missing, duplicated, extraCopies, wrongId, notAccepted, dlrs.unexpected(), dlrs.total()));
        if (firstMissingId != 0) {
            row(r, "/bin/status of the first id without a DLR", load.status(firstMissingId));
        }
    }

    static void row(StringBuilder r, String name, String value) {
        r.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static long pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    record Drain(boolean complete, long lastArrival, String why, long arrivedByAnswer) {
    }

    /** Waits until every accepted message of [from, to) arrived, the time is up, or nothing arrives for a while. */
    static Drain awaitArrivals(Counts arrivals, long[] ids, int from, int to, int maxSeconds, int stallSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
        long lastTotal = -1;
        long lastChange = System.nanoTime();
        int k = from;
        while (true) {
            while (k < to && (ids[k] == 0 || arrivals.count(k) > 0)) {
                k++;
            }
            long last = 0;
            if (k == to) {
                for (int i = from; i < to; i++) {
                    if (ids[i] != 0) {
                        last = Math.max(last, arrivals.firstArrival(i));
                    }
                }
                return new Drain(true, last, "", 0);
            }
            long now = System.nanoTime();
            long total = arrivals.total();
            if (total != lastTotal) {
                lastTotal = total;
                lastChange = now;
            }
            String why = null;
            if (now > deadline) {
                why = "gave up after " + maxSeconds + " s";
            } else if (now - lastChange > TimeUnit.SECONDS.toNanos(stallSeconds)) {
                why = "nothing arrived for " + stallSeconds + " s";
            }
            if (why != null) {
                for (int i = from; i < to; i++) {
                    if (ids[i] != 0 && arrivals.count(i) > 0) {
                        last = Math.max(last, arrivals.firstArrival(i));
                    }
                }
                log("drain incomplete: " + why);
                return new Drain(false, last, why, 0);
            }
            Thread.sleep(20);
        }
    }

    /** utime, stime of a process in clock ticks. */
    static long[] cpu(long pid) throws IOException {
        return cpuOfStat(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    /** utime, stime in clock ticks from the text of a /proc stat file (a process's or a thread's). */
    static long[] cpuOfStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }

    static long selfCpuTicks() throws IOException {
        long[] t = cpu(ProcessHandle.current().pid());
        return t[0] + t[1];
    }

    /** Busy and total ticks of the whole machine (/proc/stat, all cores). */
    static long[] machineTicks() throws IOException {
        String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
        String[] f = line.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new long[] {total - idle, total};
    }

    /** pid -> {utime+stime ticks} of every process readable now, and its name in [1] as hash (see names). */
    private static final Map<Long, String> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    static Map<Long, long[]> processTicks() {
        Map<Long, long[]> out = new HashMap<>();
        java.io.File[] entries = new java.io.File("/proc").listFiles();
        if (entries == null) {
            return out;
        }
        for (java.io.File f : entries) {
            String name = f.getName();
            if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", name, "stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] x = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(name);
                out.put(pid, new long[] {Long.parseLong(x[11]) + Long.parseLong(x[12])});
                NAMES.putIfAbsent(pid, comm);
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        }
        return out;
    }

    /** The three processes other than ours that used most CPU between the two snapshots (ones that ended meanwhile are not seen). */
    static String topOthers(Map<Long, long[]> before, Map<Long, long[]> after, Set<Long> ours, long clkTck) {
        java.util.List<long[]> deltas = new java.util.ArrayList<>();
        for (Map.Entry<Long, long[]> e : after.entrySet()) {
            if (ours.contains(e.getKey())) {
                continue;
            }
            long b = before.containsKey(e.getKey()) ? before.get(e.getKey())[0] : 0;
            long d = e.getValue()[0] - b;
            if (d > 0) {
                deltas.add(new long[] {e.getKey(), d});
            }
        }
        deltas.sort((x, y) -> Long.compare(y[1], x[1]));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, deltas.size()); i++) {
            long pid = deltas.get(i)[0];
            String cmd = "";
            try {
                cmd = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            } catch (IOException e) {
                // gone
            }
            String hint = cmd.contains("jboss-modules") ? (cmd.contains("127.0.0.2") ? ", a WildFly on 127.0.0.2 (integration tests)" : ", a WildFly") : "";
            sb.append(i == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s (pid %d%s) %.2f s",
                    NAMES.getOrDefault(pid, "?"), pid, hint, deltas.get(i)[1] / (double) clkTck));
        }
        return sb.length() == 0 ? "none" : sb.toString();
    }

    /** Starts a JFR recording (profile settings) of {@code seconds} in the process; it writes {@code file} when done. */
    static void jfr(long pid, Path file, int seconds) {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "JFR.start", "name=bench", "settings=profile",
                    "duration=" + seconds + "s", "filename=" + file.toAbsolutePath())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(30, TimeUnit.SECONDS);
            log("JFR recording of " + seconds + " s started, to " + file);
        } catch (Exception e) {
            log("JFR failed: " + e);
        }
    }

    static void threadDump(long pid, Path file) {
        try {
            Process p = new ProcessBuilder("jstack", Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            p.waitFor(30, TimeUnit.SECONDS);
            log("thread dump written to " + file);
        } catch (Exception e) {
            log("jstack failed: " + e);
        }
    }

    static String awaitFile(Path file, int seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + file + " after " + seconds + " s");
            }
            Thread.sleep(100);
        }
        return Files.readString(file);
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void log(String s) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), s);
        System.out.flush();
    }

    /** One line every few seconds (one by default): requests answered, messages accepted, submit_sm received. */
    static final class Progress extends Thread {
        private final Arrivals arrivals;
        private final DlrArrivals dlrs;
        private final Load load;
        private final int periodSeconds;
        private volatile String name = "";
        private volatile Load.Phase phase;
        private volatile boolean running = true;

        /** @param dlrs the DLRs back to count too, or null */
        Progress(Arrivals arrivals, DlrArrivals dlrs, Load load) {
            this(arrivals, dlrs, load, 1);
        }

        Progress(Arrivals arrivals, Load load, int periodSeconds) {
            this(arrivals, null, load, periodSeconds);
        }

        Progress(Arrivals arrivals, DlrArrivals dlrs, Load load, int periodSeconds) {
            super("progress");
            setDaemon(true);
            this.arrivals = arrivals;
            this.dlrs = dlrs;
            this.load = load;
            this.periodSeconds = periodSeconds;
        }

        void phase(String name, Load.Phase done) {
            this.name = name;
            this.phase = done;
            if (done != null) {
                log(name + " done: " + done.completed.get() + " requests, " + done.acceptedMessages.get()
                        + " accepted, " + done.refusedMessages.get() + " refused/failed, SMSC has " + arrivals.total());
            }
        }

        @Override
        public void run() {
            long prev = arrivals.total();
            long prevAccepted = load.acceptedTotal.get();
            long prevDlrs = dlrs == null ? 0 : dlrs.total();
            while (running) {
                try {
                    Thread.sleep(periodSeconds * 1000L);
                } catch (InterruptedException e) {
                    return;
                }
                long total = arrivals.total();
                long accepted = load.acceptedTotal.get();
                long dlrTotal = dlrs == null ? 0 : dlrs.total();
                log(String.format(Locale.ROOT, "%-8s accepted %7d (+%d/s)  SMSC received %7d (+%d/s)%s",
                        name, accepted, (accepted - prevAccepted) / periodSeconds, total, (total - prev) / periodSeconds,
                        dlrs == null ? "" : String.format(Locale.ROOT, "  DLRs back %7d (+%d/s)", dlrTotal,
                                (dlrTotal - prevDlrs) / periodSeconds)));
                prevDlrs = dlrTotal;
                prev = total;
                prevAccepted = accepted;
            }
        }

        void stopNow() {
            running = false;
        }
    }
}
