package org.openemg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jsmpp.bean.SubmitSm;
import org.openemg.testkit.SmscSimulator;

/**
 * Kannel and the gateway side by side (issue 7, part 3), started by {@code KANNEL=true bench/run.sh}:
 * one SMSC simulator for both; Kannel first, then the gateway, each through the same cases with the same
 * load (a warm-up of the case's shape first, drained, longer while the JVM's JIT compilers are still busy, then
 * the measured batch, drained).
 * <ol>
 * <li>starts the simulator (every bind accepted: Kannel binds as kannel/kannel, the gateway as bench/bench)
 *     and writes its port to {@code <dir>/smsc.port};</li>
 * <li>waits for {@code <dir>/kannel.ready} (run.sh writes the bearerbox and smsbox pids there once
 *     sendsms answers) and Kannel's bind; runs the cases against Kannel's sendsms; writes
 *     {@code <dir>/kannel.done} so that run.sh stops Kannel and starts WildFly;</li>
 * <li>waits for {@code <dir>/ready} (the WildFly pid) and the gateway's binds; runs the cases against
 *     /bin/send;</li>
 * <li>writes {@code <dir>/results.md}: per case both delivered rates, CPU per delivered message and the
 *     ratios, and whether every message arrived exactly once.</li>
 * </ol>
 * Each engine and case has destinations of its own ({@code base + k}), so a stray or late submit of another
 * one counts as unexpected rather than as a duplicate.
 */
public final class Versus {

    /** One case of issue 7: C clients, N recipients per request, M measured messages. */
    record Case(String name, String label, int clients, int perRequest, int messages, int warmup) {
    }

    /** A warm-up goes on, a round of half the measured batch at a time, while the JIT compilers use more than this. */
    private static final double JIT_SETTLED_CORES = 0.1;
    private static final int MAX_JIT_ROUNDS = 40;
    private static final long MAX_WARMUP_SECONDS = 300;

    /** What one engine did in one case. */
    record Outcome(Case c, String engine, Load.Phase phase, long accepted, long delivered, double acceptSeconds,
                   double deliverSeconds, double cpuSeconds, double cpuUntilAnswered, boolean complete, String why,
                   long exactlyOnce, long missing, long duplicated, long withoutAccept, long unexpected,
                   long[] latencies, double machineBusy, double machineWall, double benchCpu, String others,
                   String warmNote, double jitSeconds, long warmed) {
        double deliveredRate() {
            return deliverSeconds <= 0 ? 0 : delivered / deliverSeconds;
        }

        double acceptedRate() {
            return acceptSeconds <= 0 ? 0 : accepted / acceptSeconds;
        }

        double micros() {
            return delivered == 0 ? 0 : cpuSeconds * 1e6 / delivered;
        }
    }

    /** The simulator's observer, handed from one engine's and case's arrivals to the next. */
    static final class Switch implements Consumer<SubmitSm> {
        volatile Arrivals current;

        @Override
        public void accept(SubmitSm sm) {
            Arrivals a = current;
            if (a != null) {
                a.accept(sm);
            }
        }
    }

    private static volatile Arrivals progressArrivals;
    private static volatile Load progressLoad;
    private static volatile String progressName = "";

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = Path.of(a.getOrDefault("dir", "target/run"));
        String gatewayUrl = a.get("url");
        String kannelUrl = a.get("kannelUrl");
        int binds = Integer.parseInt(a.getOrDefault("binds", "2"));
        long clkTck = Long.parseLong(a.getOrDefault("clkTck", "100"));
        double warmupShare = Double.parseDouble(a.getOrDefault("warmupShare", "3"));
        String which = a.getOrDefault("case", "all");
        // a JFR recording of WildFly (profile settings) of jfrSeconds during the gateway's measured batch of case jfrCase
        String jfrCase = a.getOrDefault("jfrCase", "");
        int jfrSeconds = Integer.parseInt(a.getOrDefault("jfrSeconds", "15"));

        List<Case> cases = new ArrayList<>();
        Case[] all = {
            new Case("batch100", "100-recipient requests, 4 clients, 40,000 msgs", 4, 100, 40_000, 0),
            new Case("single", "single-recipient GETs, 32 clients, 20,000 msgs", 32, 1, 20_000, 0),
            new Case("batch1000", "1,000-recipient POSTs, 1 client, 40,000 msgs", 1, 1000, 40_000, 0),
        };
        for (Case c : all) {
            if (which.equals("all") || List.of(which.split(",")).contains(c.name())) {
                int w = (int) Math.round(c.messages() * warmupShare / c.perRequest()) * c.perRequest();
                cases.add(new Case(c.name(), c.label(), c.clients(), c.perRequest(), c.messages(), Math.max(c.perRequest(), w)));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("case=" + which + ": none of batch100, single, batch1000, all");
        }

        Files.createDirectories(dir);
        Switch observer = new Switch();
        try (SmscSimulator smsc = SmscSimulator.on(0).observeSubmits(observer).keepSubmits(false).start()) {
            Bench.writeAtomically(dir.resolve("smsc.port"), Integer.toString(smsc.port()));
            Bench.log("SMSC simulator listening on 127.0.0.1:" + smsc.port());
            startProgress();

            // Kannel
            String[] kannelPids = Bench.awaitFile(dir.resolve("kannel.ready"), 120).strip().split("\\s+");
            long[] kpids = {Long.parseLong(kannelPids[0]), Long.parseLong(kannelPids[1])};
            Bench.log("Kannel is up: bearerbox " + kpids[0] + ", smsbox " + kpids[1] + "; waiting for its bind");
            awaitBinds(smsc, "kannel", 1, 60);
            Map<String, Outcome> kannel = new LinkedHashMap<>();
            long engineBase = 46_800_000_000L;
            for (Case c : cases) {
                Load.Style style = c.perRequest() == 1 ? Load.Style.KANNEL_GET : Load.Style.KANNEL_POST;
                kannel.put(c.name(), measure("Kannel", c, kannelUrl, style, engineBase + 1_000_000L * cases.indexOf(c),
                        observer, kpids, clkTck, null));
            }
            Floor kannelFloor = single(cases) == null ? null
                    : floor("Kannel", kannelUrl, Load.Style.KANNEL_GET, single(cases), kpids, clkTck);
            progressName = "";
            Bench.writeAtomically(dir.resolve("kannel.done"), "done\n");

            // the gateway
            long pid = Long.parseLong(Bench.awaitFile(dir.resolve("ready"), 300).strip());
            Bench.log("gateway is up, WildFly pid " + pid + "; waiting for " + binds + " binds");
            int bound = awaitBinds(smsc, "bench", binds, 60);
            Map<String, Outcome> gateway = new LinkedHashMap<>();
            engineBase = 46_900_000_000L;
            for (Case c : cases) {
                Load.Style style = c.perRequest() == 1 ? Load.Style.GATEWAY_GET : Load.Style.GATEWAY_POST;
                Runnable jfr = c.name().equals(jfrCase)
                        ? () -> Bench.jfr(pid, dir.resolve("wildfly-" + c.name() + ".jfr"), jfrSeconds) : null;
                gateway.put(c.name(), measure("gateway", c, gatewayUrl, style, engineBase + 1_000_000L * cases.indexOf(c),
                        observer, new long[] {pid}, clkTck, jfr));
            }
            Floor gatewayFloor = single(cases) == null ? null
                    : floor("gateway", gatewayUrl, Load.Style.GATEWAY_GET, single(cases), new long[] {pid}, clkTck);
            progressName = "";

            long dbBytes = Bench.h2Bytes(dir);
            long gatewayMessages = 0;
            for (Outcome o : gateway.values()) {
                gatewayMessages += o.warmed() + o.c().messages();
            }
            String report = report(cases, kannel, gateway, bound, binds) + floorReport(kannelFloor, gatewayFloor) + (dbBytes < 0 ? "" : String.format(Locale.ROOT,
                    "H2 database files after the gateway's cases: %.1f MB (%.1f KB per message).%n",
                    dbBytes / 1e6, dbBytes / 1e3 / Math.max(1, gatewayMessages)));
            Bench.writeAtomically(dir.resolve("results.md"), report);
            System.out.println(report);
            boolean any = gateway.values().stream().anyMatch(o -> o.accepted() > 0)
                    && kannel.values().stream().anyMatch(o -> o.accepted() > 0);
            System.exit(any ? 0 : 2);
        }
    }

    /** Waits until {@code n} binds with system_id {@code systemId} arrived; returns how many did. */
    private static int awaitBinds(SmscSimulator smsc, String systemId, int n, int seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int seen = 0;
        while (seen < n && System.nanoTime() < until) {
            SmscSimulator.BindSeen b = smsc.binds().poll(100, TimeUnit.MILLISECONDS);
            if (b != null && systemId.equals(b.systemId())) {
                seen++;
            }
        }
        Bench.log(seen + " binds as " + systemId);
        Thread.sleep(500); // the bind_resp on its way
        return seen;
    }

    private static Outcome measure(String engine, Case c, String url, Load.Style style, long base, Switch observer,
                                   long[] pids, long clkTck, Runnable halfway) throws Exception {
        int round = Math.max(c.perRequest(), c.messages() / 2 / c.perRequest() * c.perRequest());
        int total = c.warmup() + MAX_JIT_ROUNDS * round + c.messages();
        Arrivals arrivals = new Arrivals(base, total);
        observer.current = arrivals;
        Load load = new Load(url, "bench", "bench", base, total, c.perRequest(), style, null, null);
        progressArrivals = arrivals;
        progressLoad = load;

        progressName = engine + " " + c.name() + " warm-up";
        int[] warmed = {0};
        long[] warmAccepted = {0};
        double jitCores = untilJitSettles(pids, clkTck, r -> {
            int size = r == 0 ? c.warmup() : round;
            Load.Phase warm = load.run(warmed[0], size, c.clients(), System.nanoTime() + TimeUnit.SECONDS.toNanos(90), null);
            Bench.awaitArrivals(arrivals, load.ids, warmed[0], warmed[0] + size, 90, 15);
            warmed[0] += size;
            warmAccepted[0] += warm.acceptedMessages.get();
            return String.format(Locale.ROOT, "%s: %d of %d accepted so far, the last %d msgs%s", progressName,
                    warmAccepted[0], warmed[0], size, warm.firstProblem.get() != null ? "; first problem: " + warm.firstProblem.get() : "");
        });
        Thread.sleep(1000);
        int first = warmed[0];

        long jitMeasured0 = JitCompilers.ticks(pids);
        long[] cpu0 = cpu(pids);
        long self0 = Bench.selfCpuTicks();
        long[] machine0 = Bench.machineTicks();
        Map<Long, long[]> procs0 = Bench.processTicks();
        progressName = engine + " " + c.name();
        Load.Phase phase = load.run(first, c.messages(), c.clients(), System.nanoTime() + TimeUnit.SECONDS.toNanos(180), halfway);
        long[] cpuAnswered = cpu(pids);
        Bench.log(progressName + " requests done: " + phase.acceptedMessages.get() + " accepted, "
                + phase.refusedMessages.get() + " refused/failed"
                + (phase.firstProblem.get() != null ? "; first problem: " + phase.firstProblem.get() : ""));
        Bench.Drain drain = Bench.awaitArrivals(arrivals, load.ids, first, first + c.messages(), 180, 15);
        Thread.sleep(1000); // the last submit_sm_resp recorded / stored
        long[] cpu1 = cpu(pids);
        double jitMeasured = (JitCompilers.ticks(pids) - jitMeasured0) / (double) clkTck;
        long self1 = Bench.selfCpuTicks();
        long[] machine1 = Bench.machineTicks();
        Map<Long, long[]> procs1 = Bench.processTicks();
        java.util.Set<Long> ours = new java.util.HashSet<>();
        for (long p : pids) {
            ours.add(p);
        }
        ours.add(ProcessHandle.current().pid());
        String others = Bench.topOthers(procs0, procs1, ours, clkTck);
        Thread.sleep(2000); // a late duplicate would show up here

        long delivered = 0;
        long exactlyOnce = 0;
        long missing = 0;
        long duplicated = 0;
        long withoutAccept = 0;
        for (int k = 0; k < total; k++) {
            int n = arrivals.count(k);
            if (load.ids[k] != 0) {
                if (k >= first && n > 0) {
                    delivered++;
                }
                if (n == 0) {
                    missing++;
                } else if (n == 1) {
                    exactlyOnce++;
                } else {
                    duplicated++;
                }
            } else if (n > 0) {
                withoutAccept++;
            }
        }
        double cores = Runtime.getRuntime().availableProcessors();
        Outcome o = new Outcome(c, engine, phase, phase.acceptedMessages.get(), delivered,
                phase.secondsToLastAnswer(), phase.secondsTo(drain.lastArrival()),
                (cpu1[0] - cpu0[0]) / (double) clkTck, (cpuAnswered[0] - cpu0[0]) / (double) clkTck,
                drain.complete(), drain.why(), exactlyOnce, missing, duplicated, withoutAccept, arrivals.unexpected(),
                phase.sortedLatencies(), (machine1[0] - machine0[0]) / (double) clkTck,
                (machine1[1] - machine0[1]) / (double) clkTck / cores, (self1 - self0) / (double) clkTck, others,
                String.format(Locale.ROOT, "%d of %d (JIT compilers at its end %.2f cores)", warmAccepted[0], warmed[0], jitCores),
                jitMeasured, warmed[0]);
        Bench.log(String.format(Locale.ROOT, "%s %s: accepted %.0f msg/s, delivered %.0f msg/s, %.0f µs CPU per delivered msg;"
                        + " %d exactly once, %d missing, %d duplicated, %d unexpected",
                engine, c.name(), o.acceptedRate(), o.deliveredRate(), o.micros(), exactlyOnce, missing, duplicated,
                arrivals.unexpected()));
        return o;
    }

    /** What one engine's refused requests cost: the batch and its CPU seconds, JIT compilers' among them. */
    record Floor(String engine, Load.Phase batch, double cpuSeconds, double jitSeconds) {
        double micros() {
            return refused() == 0 ? 0 : cpuSeconds * 1e6 / refused();
        }

        long refused() {
            return batch.refusedMessages.get();
        }

        double rate() {
            double seconds = batch.secondsToLastAnswer();
            return seconds <= 0 ? 0 : refused() / seconds;
        }
    }

    private static Case single(List<Case> cases) {
        return cases.stream().filter(c -> c.perRequest() == 1).findFirst().orElse(null);
    }

    /** The HTTP floor after the single-recipient case: refused GETs, warmed up like a case, then as many as it measured. */
    private static Floor floor(String engine, String url, Load.Style style, Case c, long[] pids, long clkTck) throws Exception {
        progressName = "";
        Load load = new Load(url, "bench", "bench", 0, 0, 1, style, null, null);
        untilJitSettles(pids, clkTck, r -> {
            Load.Phase warm = load.runWithoutRecipient(r == 0 ? c.warmup() : c.messages(), c.clients());
            return String.format(Locale.ROOT, "%s floor warm-up: %d of %d refused%s", engine, warm.refusedMessages.get(),
                    warm.requests, warm.firstProblem.get() == null ? "" : "; first problem: " + warm.firstProblem.get());
        });
        Thread.sleep(1000);
        long jit0 = JitCompilers.ticks(pids);
        long[] cpu0 = cpu(pids);
        Load.Phase batch = load.runWithoutRecipient(c.messages(), c.clients());
        long[] cpu1 = cpu(pids);
        Floor f = new Floor(engine, batch, (cpu1[0] - cpu0[0]) / (double) clkTck,
                (JitCompilers.ticks(pids) - jit0) / (double) clkTck);
        Bench.log(String.format(Locale.ROOT, "%s floor: %d refused at %.0f/s, %.0f µs CPU per request%s", engine,
                f.refused(), f.rate(), f.micros(), batch.firstProblem.get() == null ? "" : "; first problem: " + batch.firstProblem.get()));
        return f;
    }

    /** One warm-up round: runs it and says what it did, for the log. */
    private interface WarmRound {
        String run(int round) throws Exception;
    }

    /**
     * Warm-up rounds until the engine's JIT compilers settle (or the rounds or the time run out), so that the measured
     * batch does not pay for compiling; returns the JIT compilers' cores in the last round.
     */
    private static double untilJitSettles(long[] pids, long clkTck, WarmRound round) throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        double jitCores;
        do {
            long jit0 = JitCompilers.ticks(pids);
            long t0 = System.nanoTime();
            String did = round.run(rounds);
            jitCores = (JitCompilers.ticks(pids) - jit0) / (double) clkTck / ((System.nanoTime() - t0) / 1e9);
            Bench.log(String.format(Locale.ROOT, "%s; JIT compilers %.2f cores in that round", did, jitCores));
        } while (jitCores > JIT_SETTLED_CORES && ++rounds < MAX_JIT_ROUNDS
                && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(MAX_WARMUP_SECONDS));
        return jitCores;
    }

    private static String floorReport(Floor kannel, Floor gateway) {
        if (kannel == null || gateway == null) {
            return "";
        }
        StringBuilder r = new StringBuilder("\nThe HTTP floor (refused single GETs without a recipient, after the single case, same clients and count):\n\n"
                + "| engine | refused / sent | requests/s | latency p50 / p99 | CPU s (JIT compilers) | CPU µs per request |\n|---|---|---|---|---|---|\n");
        for (Floor f : List.of(kannel, gateway)) {
            long[] lat = f.batch().sortedLatencies();
            r.append(String.format(Locale.ROOT, "| %s | %d / %d | %,.0f | %.1f / %.1f ms | %.2f (%.2f) | %.0f |%n", f.engine(),
                    f.refused(), f.batch().requests, f.rate(), Bench.pct(lat, 0.5) / 1e6,
                    Bench.pct(lat, 0.99) / 1e6, f.cpuSeconds(), f.jitSeconds(), f.micros()));
        }
        r.append(String.format(Locale.ROOT, "%nGateway / Kannel CPU per refused request: %.1f×%s%n",
                kannel.micros() == 0 ? 0 : gateway.micros() / kannel.micros(),
                gateway.batch().firstProblem.get() == null && kannel.batch().firstProblem.get() == null ? ""
                        : "; first problems: Kannel " + kannel.batch().firstProblem.get() + ", gateway " + gateway.batch().firstProblem.get()));
        return r.toString();
    }

    /** utime+stime of the processes (their threads included), in ticks; {total}. */
    private static long[] cpu(long[] pids) throws java.io.IOException {
        long sum = 0;
        for (long p : pids) {
            long[] t = Bench.cpu(p);
            sum += t[0] + t[1];
        }
        return new long[] {sum};
    }

    private static String report(List<Case> cases, Map<String, Outcome> kannel, Map<String, Outcome> gateway,
                                 int bound, int binds) {
        StringBuilder r = new StringBuilder();
        r.append("| case | Kannel delivered msg/s | gateway delivered msg/s (accepted) | gateway / Kannel "
                + "| Kannel CPU µs per delivered msg | gateway CPU µs per delivered msg | gateway / Kannel CPU |\n");
        r.append("|---|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            Outcome k = kannel.get(c.name());
            Outcome g = gateway.get(c.name());
            r.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f (%,.0f) | **%.2f** | %,.0f | %,.0f | %.1f× |\n",
                    c.label(), k.deliveredRate(), g.deliveredRate(), g.acceptedRate(),
                    k.deliveredRate() == 0 ? 0 : g.deliveredRate() / k.deliveredRate(), k.micros(), g.micros(),
                    k.micros() == 0 ? 0 : g.micros() / k.micros()));
        }
        r.append("\n| engine, case | accepted msg/s | delivered msg/s | latency per request p50 / p99 | CPU s (until last answer / in all) "
                + "| machine busy (other processes) | exactly once / missing / duplicated / unexpected | warm-up accepted | notes |\n");
        r.append("|---|---|---|---|---|---|---|---|---|\n");
        for (Case c : cases) {
            for (Outcome o : List.of(kannel.get(c.name()), gateway.get(c.name()))) {
                long[] lat = o.latencies();
                String notes = (o.complete() ? "" : "NOT all arrived: " + o.why() + "; ")
                        + (o.phase().firstProblem.get() != null ? "first problem: " + o.phase().firstProblem.get() + "; " : "")
                        + (o.withoutAccept() > 0 ? o.withoutAccept() + " arrived without being accepted; " : "")
                        + String.format(Locale.ROOT, "JIT compilers %.2f of the CPU s; ", o.jitSeconds())
                        + "top others: " + o.others();
                r.append(String.format(Locale.ROOT,
                        "| %s, %s | %,.0f | %,.0f | %s | %.2f / %.2f | %.1f of %.1f s x %d cores (%.1f s) | %d / %d / %d / %d | %s | %s |\n",
                        o.engine(), c.name(), o.acceptedRate(), o.deliveredRate(),
                        lat.length == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f / %.1f ms",
                                Bench.pct(lat, 0.5) / 1e6, Bench.pct(lat, 0.99) / 1e6),
                        o.cpuUntilAnswered(), o.cpuSeconds(), o.machineBusy(), o.machineWall(),
                        Runtime.getRuntime().availableProcessors(), o.machineBusy() - o.cpuSeconds() - o.benchCpu(),
                        o.exactlyOnce(), o.missing(), o.duplicated(), o.unexpected(), o.warmNote(),
                        notes.replace("|", "\\|")));
            }
        }
        r.append("\nGateway binds seen at the SMSC: ").append(bound).append(" (expected ").append(binds)
                .append("). Kannel: one transceiver bind, max-pending-submits 10, file store; messages counted for Kannel"
                        + " are the recipients of requests answered 202 \"0: Accepted for delivery\". CPU: Kannel ="
                        + " bearerbox + smsbox, gateway = the WildFly JVM, utime+stime from /proc from the first request"
                        + " to 1 s after the last submit_sm; exactly-once counts include the warm-up.\n");
        return r.toString();
    }

    private static void startProgress() {
        Thread t = new Thread(() -> {
            long prev = 0;
            long prevAccepted = 0;
            Arrivals last = null;
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Arrivals a = progressArrivals;
                Load l = progressLoad;
                if (a == null || l == null || progressName.isEmpty()) {
                    continue;
                }
                if (a != last) {
                    prev = 0;
                    prevAccepted = 0;
                    last = a;
                }
                long total = a.total();
                long accepted = l.acceptedTotal.get();
                Bench.log(String.format(Locale.ROOT, "%-26s accepted %7d (+%d/s)  SMSC received %7d (+%d/s)",
                        progressName, accepted, accepted - prevAccepted, total, total - prev));
                prev = total;
                prevAccepted = accepted;
            }
        }, "progress");
        t.setDaemon(true);
        t.start();
    }
}
