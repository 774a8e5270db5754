package org.openemg.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU a JVM's JIT compiler threads (HotSpot's "C1 CompilerThread" and "C2 CompilerThread") used, read from
 * /proc. WildFly's C2 compiler kept half a core busy for well over a minute of load on 2 cores, so a fixed warm-up
 * measured the compiler beside the gateway; a warm-up that lasts until the compilers are nearly idle does not.
 * A process without such threads (Kannel) uses none.
 */
final class JitCompilers {

    private JitCompilers() {
    }

    /** utime+stime, in clock ticks, of the compiler threads of all {@code pids}. */
    static long ticks(long[] pids) {
        long sum = 0;
        for (long pid : pids) {
            sum += ticks(pid);
        }
        return sum;
    }

    private static long ticks(long pid) {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
                        long[] t = Bench.cpuOfStat(stat);
                        sum += t[0] + t[1];
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }
}
