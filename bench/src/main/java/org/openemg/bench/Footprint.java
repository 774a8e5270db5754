package org.openemg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the WildFly process holds at one moment of a soak: Java heap used right after a full GC (jcmd GC.run,
 * then GC.heap_info), metaspace, resident memory (VmRSS, and of it RssAnon and RssFile), the JVM's own account of its memory by category
 * (jcmd VM.native_memory summary, committed KB, "Total" among them; empty unless the JVM runs with
 * -XX:NativeMemoryTracking) and the size of the H2 database files. A figure that could not be read is -1.
 */
record Footprint(long heapUsedKb, long heapTotalKb, long metaspaceUsedKb, long rssKb, long rssAnonKb, long rssFileKb,
                 Map<String, Long> nativeKb, long dbBytes) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
    private static final Pattern RSS_ANON = Pattern.compile("(?m)^RssAnon:\\s+(\\d+) kB");
    private static final Pattern RSS_FILE = Pattern.compile("(?m)^RssFile:\\s+(\\d+) kB");
    private static final Pattern NATIVE = Pattern.compile("(?m)^(?:-\\s+(\\S.*?)|(Total):) \\(?reserved=\\d+KB, committed=(\\d+)KB");

    static Footprint take(long pid, Path dbDir) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return of(jcmd(pid, "GC.heap_info"), Files.readString(Path.of("/proc/" + pid + "/status")),
                jcmd(pid, "VM.native_memory summary"), bytesIn(dbDir));
    }

    /** From the output of jcmd GC.heap_info, the text of /proc/pid/status and jcmd VM.native_memory summary. */
    static Footprint of(String heapInfo, String procStatus, String nativeSummary, long dbBytes) {
        Matcher h = HEAP.matcher(heapInfo);
        boolean heap = h.find();
        Matcher m = METASPACE.matcher(heapInfo);
        Matcher r = RSS.matcher(procStatus);
        Matcher ra = RSS_ANON.matcher(procStatus);
        Matcher rf = RSS_FILE.matcher(procStatus);
        Map<String, Long> nativeKb = new LinkedHashMap<>();
        Matcher n = NATIVE.matcher(nativeSummary);
        while (n.find()) {
            nativeKb.put(n.group(1) != null ? n.group(1) : n.group(2), Long.parseLong(n.group(3)));
        }
        return new Footprint(heap ? Long.parseLong(h.group(2)) : -1, heap ? Long.parseLong(h.group(1)) : -1,
                m.find() ? Long.parseLong(m.group(1)) : -1, r.find() ? Long.parseLong(r.group(1)) : -1,
                ra.find() ? Long.parseLong(ra.group(1)) : -1, rf.find() ? Long.parseLong(rf.group(1)) : -1, nativeKb, dbBytes);
    }

    /** The {@code count} categories of native memory whose committed size grew most from one footprint to the other. */
    static String grewMost(Footprint from, Footprint to, int count) {
        StringBuilder out = new StringBuilder();
        to.nativeKb.entrySet().stream()
                .filter(e -> !e.getKey().equals("Total"))
                .map(e -> Map.entry(e.getKey(), e.getValue() - from.nativeKb.getOrDefault(e.getKey(), 0L)))
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(count)
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %+.1f MB",
                        e.getKey(), e.getValue() / 1e3)));
        return out.length() == 0 ? "n/a" : out.toString();
    }

    static long bytesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (var files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            Bench.log("jcmd " + command + " failed: " + out.strip());
        }
        return out;
    }
}
