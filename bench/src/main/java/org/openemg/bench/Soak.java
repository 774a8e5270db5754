package org.openemg.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openemg.testkit.SmscSimulator;

/**
 * The steady-state soak of issue 7, started by {@code SOAK=<messages> bench/run.sh} before WildFly: one long
 * stream of /bin/send POSTs after a warm-up, timed per {@code slice} messages delivered (received by the SMSC
 * simulator), so the first and the last slice can be compared; WildFly's heap after a full GC, RSS and the H2
 * files at the start and at the end; the RETENTION purges the server logged meanwhile and the delivered rate
 * while each ran. The clients go on sending until {@code messages} were delivered (up to as many again), so the
 * last slice is timed under the same load as the others rather than while the gateway's queue drains; what
 * they sent beyond is drained and checked too. Writes {@code <dir>/results.md}; exits 0 (figures written) or 2
 * (nothing accepted).
 */
public final class Soak {

    private static final long BASE = 46_800_000_000L;
    private static final double FLAT = 0.10;

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            a.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path dir = Path.of(a.getOrDefault("dir", "target/run"));
        String url = a.getOrDefault("url", "http://127.0.0.1:8080");
        int clients = Integer.parseInt(a.getOrDefault("clients", "4"));
        int perRequest = Integer.parseInt(a.getOrDefault("perRequest", "100"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "100000"));
        int messages = Integer.parseInt(a.getOrDefault("messages", "1000000"));
        int slice = Integer.parseInt(a.getOrDefault("slice", "100000"));
        int binds = Integer.parseInt(a.getOrDefault("binds", "2"));
        int loadSeconds = Integer.parseInt(a.getOrDefault("loadSeconds", "3600"));
        long clkTck = Long.parseLong(a.getOrDefault("clkTck", "100"));
        String retention = a.getOrDefault("retention", "");
        // offered msg/s during the soak (0: each client sends its next request once the last is answered)
        double rate = Double.parseDouble(a.getOrDefault("rate", "0"));
        Path serverLog = dir.resolve("server/log/server.log");

        // room for the messages accepted but not yet delivered when the last of the soak arrives
        int tail = messages;
        Arrivals arrivals = new Arrivals(BASE, warmup + messages + tail);
        try (SmscSimulator smsc = SmscSimulator.on(0).credentials("bench", "bench")
                .observeSubmits(arrivals).keepSubmits(false).start()) {
            Bench.writeAtomically(dir.resolve("smsc.port"), Integer.toString(smsc.port()));
            Bench.log("SMSC simulator listening on 127.0.0.1:" + smsc.port());
            long pid = Long.parseLong(Bench.awaitFile(dir.resolve("ready"), 240).strip());
            Bench.log("gateway is up, WildFly pid " + pid + "; waiting for " + binds + " binds");
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (smsc.boundLinks() < binds && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            int bound = smsc.boundLinks();

            Load load = new Load(url, a.getOrDefault("user", "bench"), a.getOrDefault("password", "bench"), BASE,
                    warmup + messages + tail, perRequest, Load.Style.GATEWAY_POST, null, null);
            Bench.Progress progress = new Bench.Progress(arrivals, load, 10);
            progress.start();
            progress.phase("warm-up", null);
            Load.Phase warm = load.run(0, warmup, clients, System.nanoTime() + TimeUnit.SECONDS.toNanos(300), null);
            progress.phase("warm-up", warm);
            Bench.awaitArrivals(arrivals, load.ids, 0, warmup, 120, 30);
            Thread.sleep(1000);

            long soakStartMillis = System.currentTimeMillis();
            Footprint first = Footprint.take(pid, dir.resolve("db"));
            Bench.log("start: " + first);
            long[] machine0 = Bench.machineTicks();
            long self0 = Bench.selfCpuTicks();
            DeliveryTimeline timeline = new DeliveryTimeline(arrivals, load.acceptedTotal::get, pid, slice, messages, load::stop);
            timeline.start();
            progress.phase("soak", null);
            load.pace(rate);
            Load.Phase soak = load.run(warmup, messages + tail, clients,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(loadSeconds), null);
            progress.phase("soak", soak);
            Bench.Drain drain = Bench.awaitArrivals(arrivals, load.ids, warmup, warmup + messages + tail, 300, 60);
            DeliveryTimeline.Mark end = timeline.stopNow();
            long[] cpuDrained = Bench.cpu(pid);
            long[] machine1 = Bench.machineTicks();
            long self1 = Bench.selfCpuTicks();
            Thread.sleep(1000); // results of the last submit_sm_resp are recorded within a flush
            if (!retention.isEmpty()) {
                PurgeRuns.awaitRunOfLastMark(serverLog, soakStartMillis, 180_000);
            }
            Footprint last = Footprint.take(pid, dir.resolve("db"));
            Bench.log("end: " + last);
            progress.stopNow();

            StringBuilder r = new StringBuilder();
            r.append("| figure | value |\n|---|---|\n");
            Bench.row(r, "clients x DESTADDR per request", clients + " x " + perRequest + " (HTTP POST /bin/send), "
                    + (rate > 0 ? "offered at " + (long) rate + " msg/s" : "each client's next request once the last was answered"));
            Bench.row(r, "binds seen at the SMSC", bound + " (expected " + binds + ")");
            Bench.row(r, "warm-up", warm.acceptedMessages.get() + " of " + warmup + " accepted"
                    + (warm.firstProblem.get() != null ? "; first problem: " + warm.firstProblem.get() : ""));
            Bench.row(r, "soak", messages + " messages timed, " + soak.acceptedMessages.get() + " accepted in "
                    + soak.completed.get() + " requests (the clients stopped "
                    + (timeline.reachedTotal() ? "once " + messages + " were delivered" : "before " + messages + " were delivered")
                    + "), " + soak.failedRequests.get() + " failed, " + soak.refusedMessages.get() + " messages refused"
                    + (soak.firstProblem.get() != null ? " (first: " + soak.firstProblem.get() + ")" : ""));
            Bench.row(r, "RETENTION in server.cfg", retention.isEmpty() ? "none (nothing is purged)" : retention);
            report(r, timeline, end, drain, soak, first, last, arrivals, load, warmup, slice, perRequest, clkTck,
                    cpuDrained[0] + cpuDrained[1], machine0, machine1, self1 - self0, PurgeRuns.read(serverLog), retention);
            String text = r.toString();
            Bench.writeAtomically(dir.resolve("results.md"), text);
            System.out.println(text);
            System.exit(soak.acceptedMessages.get() > 0 ? 0 : 2);
        }
    }

    private static void report(StringBuilder r, DeliveryTimeline timeline, DeliveryTimeline.Mark end, Bench.Drain drain,
                               Load.Phase soak, Footprint first, Footprint last, Arrivals arrivals, Load load, int warmup,
                               int slice, int perRequest, long clkTck, long cpuDrained, long[] machine0, long[] machine1,
                               long benchTicks, List<PurgeRuns.Run> purges, String retention) {
        DeliveryTimeline.Mark start = timeline.origin();
        long accepted = soak.acceptedMessages.get();
        double acceptSeconds = soak.secondsToLastAnswer();
        double deliverSeconds = (end.nanos() - start.nanos()) / 1e9;
        double overall = end.delivered() / deliverSeconds;
        Bench.row(r, "**delivered (submit_sm at the SMSC)**", String.format(Locale.ROOT,
                "**%.0f msg/s** (%d in %.1f s from the first request)%s", overall, end.delivered(), deliverSeconds,
                timeline.reachedTotal() ? ", all under load" : ", the last of them while the queue drained"));
        Bench.row(r, "accepted (ids answered)", String.format(Locale.ROOT, "%.0f msg/s (%d in %.1f s); %d accepted and not yet "
                        + "delivered when the timed ones were; after the clients stopped the rest arrived %s",
                accepted / acceptSeconds, accepted, acceptSeconds, end.backlog(),
                !drain.complete() ? "NOT all: " + drain.why() : end.backlog() <= 0 ? "(none was left)"
                        : "within " + String.format(Locale.ROOT, "%.1f s", Math.max(0, drain.lastArrival() - end.nanos()) / 1e9)));

        List<DeliveryTimeline.Slice> slices = timeline.slices(end);
        // the 10 ms clock puts a few messages more into one slice and fewer into the next: full is ending past its multiple
        List<DeliveryTimeline.Slice> full = slices.stream().filter(s -> s.to().delivered() >= (long) s.number() * slice).toList();
        if (full.size() >= 2) {
            DeliveryTimeline.Slice a = full.get(0);
            DeliveryTimeline.Slice b = full.get(full.size() - 1);
            double ratio = b.rate() / a.rate();
            Bench.row(r, "**first vs last " + slice + " delivered**", String.format(Locale.ROOT,
                    "**%.0f vs %.0f msg/s: last/first %.2f, %s** (slowest slice %.0f, fastest %.0f)", a.rate(), b.rate(), ratio,
                    Math.abs(ratio - 1) <= FLAT ? "flat (within 10%)" : "NOT flat (more than 10% apart)",
                    full.stream().mapToDouble(DeliveryTimeline.Slice::rate).min().orElse(0),
                    full.stream().mapToDouble(DeliveryTimeline.Slice::rate).max().orElse(0)));
        } else {
            Bench.row(r, "first vs last " + slice + " delivered", "n/a: fewer than two full slices of " + slice);
        }
        long[] lat = soak.sortedLatencies();
        Bench.row(r, "latency per request (" + perRequest + " msgs)", lat.length == 0 ? "n/a"
                : String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", Bench.pct(lat, 0.50) / 1e6,
                Bench.pct(lat, 0.99) / 1e6, lat[lat.length - 1] / 1e6));
        double wfCpu = (cpuDrained - start.cpuTicks()) / (double) clkTck;
        long deliveredAll = accepted - missing(arrivals, load, warmup);
        Bench.row(r, "**WildFly CPU per delivered message**", String.format(Locale.ROOT,
                "**%.0f µs/msg** (%.1f s CPU for the %d messages of the soak, accepted and delivered, drain included)",
                deliveredAll == 0 ? 0.0 : wfCpu * 1e6 / deliveredAll, wfCpu, deliveredAll));
        double busy = (machine1[0] - machine0[0]) / (double) clkTck;
        double wall = (machine1[1] - machine0[1]) / (double) clkTck / Runtime.getRuntime().availableProcessors();
        double bench = benchTicks / (double) clkTck;
        Bench.row(r, "machine CPU during the soak", String.format(Locale.ROOT,
                "%.1f s busy of %.1f s x %d cores (%.0f%%): WildFly %.1f s, bench JVM %.1f s, other processes %.1f s",
                busy, wall, Runtime.getRuntime().availableProcessors(),
                wall == 0 ? 0.0 : 100 * busy / (wall * Runtime.getRuntime().availableProcessors()), wfCpu, bench, busy - wfCpu - bench));
        Bench.row(r, "**WildFly heap used after a full GC** (jcmd GC.run, GC.heap_info)", String.format(Locale.ROOT,
                "**%s at the start, %s at the end** (%s; heap committed %s, then %s)", mb(first.heapUsedKb() * 1024),
                mb(last.heapUsedKb() * 1024), delta(first.heapUsedKb() * 1024, last.heapUsedKb() * 1024),
                mb(first.heapTotalKb() * 1024), mb(last.heapTotalKb() * 1024)));
        Bench.row(r, "WildFly metaspace used", mb(first.metaspaceUsedKb() * 1024) + " at the start, "
                + mb(last.metaspaceUsedKb() * 1024) + " at the end");
        Bench.row(r, "**WildFly RSS** (VmRSS)", String.format(Locale.ROOT,
                "**%s at the start, %s at the end** (%s; anonymous %s then %s, file-backed %s then %s)",
                mb(first.rssKb() * 1024), mb(last.rssKb() * 1024), delta(first.rssKb() * 1024, last.rssKb() * 1024),
                mb(first.rssAnonKb() * 1024), mb(last.rssAnonKb() * 1024), mb(first.rssFileKb() * 1024), mb(last.rssFileKb() * 1024)));
        Bench.row(r, "WildFly native memory (NMT summary, committed)", first.nativeKb().isEmpty() ? "n/a (SOAK_NMT=false)"
                : mb(first.nativeKb().getOrDefault("Total", -1L) * 1024) + " at the start, "
                + mb(last.nativeKb().getOrDefault("Total", -1L) * 1024) + " at the end; grew most: " + Footprint.grewMost(first, last, 4));
        long growth = last.dbBytes() - first.dbBytes();
        Bench.row(r, "**H2 database files** (bench/target/run/db)", String.format(Locale.ROOT,
                "**%s at the start, %s at the end: %s, %.0f bytes per accepted message** (%d)", mb(first.dbBytes()),
                mb(last.dbBytes()), delta(first.dbBytes(), last.dbBytes()), accepted == 0 ? 0.0 : growth / (double) accepted, accepted));
        purges(r, timeline, start, end, purges, retention, load, warmup, overall);
        correctness(r, arrivals, load, load.ids.length);

        r.append("\n| slice | messages | seconds | delivered msg/s | WildFly CPU µs/msg | accepted, not yet delivered at its end"
                + " | purge runs during it (parts) |\n|---|---|---|---|---|---|---|\n");
        for (DeliveryTimeline.Slice s : slices) {
            StringBuilder during = new StringBuilder();
            for (PurgeRuns.Run p : purges) {
                if (p.startedMillis() <= s.to().millis() && p.loggedMillis() >= s.from().millis()) {
                    during.append(during.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%tT-%tT (%d)",
                            p.startedMillis(), p.loggedMillis(), p.parts()));
                }
            }
            r.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.0f | %.0f | %d | %s |%n", s.number(), s.messages(),
                    s.seconds(), s.rate(), s.cpuMicrosPerMessage(clkTck), s.to().backlog(), during.length() == 0 ? "-" : during));
        }
    }

    private static void purges(StringBuilder r, DeliveryTimeline timeline, DeliveryTimeline.Mark start,
                               DeliveryTimeline.Mark end, List<PurgeRuns.Run> purges, String retention,
                               Load load, int warmup, double overall) {
        long trafficEnd = end.millis();
        long purgedAll = purges.stream().mapToLong(PurgeRuns.Run::parts).sum();
        StringBuilder during = new StringBuilder();
        int runs = 0;
        for (PurgeRuns.Run p : purges) {
            if (p.startedMillis() <= trafficEnd && p.loggedMillis() >= start.millis()) {
                runs++;
                long span = Math.max(1000, p.loggedMillis() - p.startedMillis());
                DeliveryTimeline.Slice before = timeline.around(p.startedMillis() - span, p.startedMillis());
                DeliveryTimeline.Slice w = timeline.around(p.startedMillis(), p.loggedMillis());
                DeliveryTimeline.Slice after = timeline.around(p.loggedMillis(), p.loggedMillis() + span);
                during.append(String.format(Locale.ROOT, "%s%tT-%tT: %d parts; delivered %.0f msg/s meanwhile, %.0f in as long "
                                + "before, %.0f after (the soak's rate %.0f)", during.length() == 0 ? "" : "; ", p.startedMillis(),
                        p.loggedMillis(), p.parts(), w.rate(), rateOrNaN(before), rateOrNaN(after), overall));
            }
        }
        String verdict;
        if (retention.isEmpty()) {
            verdict = "no RETENTION: nothing purged";
        } else if (runs == 0) {
            verdict = "**no purge deleted anything during the traffic** (the gateway purges on the clock's five-minute marks, "
                    + "and only parts done with longer than RETENTION ago: the soak was too short or RETENTION too long)";
        } else {
            verdict = "**" + runs + " purge run(s) during the traffic**: " + during;
        }
        Bench.row(r, "**RETENTION purges** (server.log)", verdict + String.format(Locale.ROOT,
                "; %d parts purged since the start in %d run(s) with deletions", purgedAll, purges.size()));
        long acceptedAll = java.util.Arrays.stream(load.ids).filter(id -> id != 0).count();
        Bench.row(r, "message parts left in emg_message at the end", String.format(Locale.ROOT,
                "about %d (%d accepted, warm-up included, minus %d purged)", acceptedAll - purgedAll, acceptedAll, purgedAll));
        if (load.ids[0] != 0) {
            Bench.row(r, "/bin/status of the first warm-up message", load.status(load.ids[0]));
        }
        if (load.ids[warmup] != 0) {
            Bench.row(r, "/bin/status of the first soak message", load.status(load.ids[warmup]));
        }
    }

    private static double rateOrNaN(DeliveryTimeline.Slice s) {
        return s.seconds() <= 0 ? Double.NaN : s.rate();
    }

    private static long missing(Arrivals arrivals, Load load, int from) {
        long missing = 0;
        for (int k = from; k < load.ids.length; k++) {
            missing += load.ids[k] != 0 && arrivals.count(k) == 0 ? 1 : 0;
        }
        return missing;
    }

    private static void correctness(StringBuilder r, Arrivals arrivals, Load load, int total) {
        long accepted = 0;
        long once = 0;
        long missing = 0;
        long duplicated = 0;
        long withoutId = 0;
        for (int k = 0; k < total; k++) {
            int n = arrivals.count(k);
            if (load.ids[k] != 0) {
                accepted++;
                once += n == 1 ? 1 : 0;
                missing += n == 0 ? 1 : 0;
                duplicated += n > 1 ? 1 : 0;
            } else if (n > 0) {
                withoutId++;
            }
        }
        // total is the room for ids (warm-up, soak and the clients' run-on), not what was sent
        Bench.row(r, "correctness (every message sent)", String.format(Locale.ROOT,
                "%d accepted; %d arrived exactly once, %d missing, %d duplicated, %d arrived without an accepted id, "
                        + "%d unexpected destinations; %d submit_sm in all",
                accepted, once, missing, duplicated, withoutId, arrivals.unexpected(), arrivals.total()));
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String delta(long from, long to) {
        return from < 0 || to < 0 ? "n/a" : String.format(Locale.ROOT, "%+.1f MB", (to - from) / 1e6);
    }

    private Soak() {
    }
}
