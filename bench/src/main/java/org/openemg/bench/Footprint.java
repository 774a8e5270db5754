package org.openemg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the WildFly process holds at one moment of a soak: Java heap used right after a full GC (jcmd GC.run,
 * then GC.heap_info), metaspace, resident memory (VmRSS) and the size of the H2 database files. A figure
 * that could not be read is -1.
 */
record Footprint(long heapUsedKb, long heapTotalKb, long metaspaceUsedKb, long rssKb, long dbBytes) {

    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    static Footprint take(long pid, Path dbDir) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return of(jcmd(pid, "GC.heap_info"), Files.readString(Path.of("/proc/" + pid + "/status")), bytesIn(dbDir));
    }

    /** From the output of jcmd GC.heap_info and the text of /proc/pid/status. */
    static Footprint of(String heapInfo, String procStatus, long dbBytes) {
        Matcher h = HEAP.matcher(heapInfo);
        boolean heap = h.find();
        Matcher m = METASPACE.matcher(heapInfo);
        Matcher r = RSS.matcher(procStatus);
        return new Footprint(heap ? Long.parseLong(h.group(2)) : -1, heap ? Long.parseLong(h.group(1)) : -1,
                m.find() ? Long.parseLong(m.group(1)) : -1, r.find() ? Long.parseLong(r.group(1)) : -1, dbBytes);
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
