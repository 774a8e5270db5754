package org.openemg.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A CPU profile of WildFly by async-profiler (its jar from Maven Central, a dependency of the bench), native frames and
 * the kernel's included, which JFR's samples lack: where a request's thread hand-offs and socket calls go. The agent is
 * loaded through the JDK's attach API, since jcmd's {@code JVMTI.agent_load} splits the agent's options at '='.
 * Written as collapsed stacks, one per thread, for {@link ProfileLayers}.
 */
final class CpuProfile {

    private CpuProfile() {
    }

    /** Profiles the process for {@code seconds} from now, on a thread of its own; {@code collapsed} is written at the end. */
    static void record(long pid, Path collapsed, int seconds) {
        Thread profiling = new Thread(() -> {
            try {
                Path agent = agent(collapsed.toAbsolutePath().getParent());
                load(pid, agent, "start,event=cpu,interval=1ms,threads");
                Bench.log("CPU profile of " + seconds + " s started");
                Thread.sleep(seconds * 1000L);
                load(pid, agent, "stop,collapsed,file=" + collapsed.toAbsolutePath());
                Bench.log("CPU profile written to " + collapsed);
            } catch (Exception e) {
                Bench.log("CPU profile failed: " + e);
            }
        }, "cpu-profile");
        profiling.setDaemon(true);
        profiling.start();
    }

    private static void load(long pid, Path agent, String options) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgentPath(agent.toString(), options);
        } finally {
            vm.detach();
        }
    }

    /** The agent's library for this machine, out of the async-profiler jar on the class path. */
    private static Path agent(Path dir) throws Exception {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "linux-arm64" : "linux-x64";
        Path library = dir.resolve("libasyncProfiler.so");
        try (InputStream in = CpuProfile.class.getResourceAsStream("/" + arch + "/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("no " + arch + " agent in the async-profiler jar on the class path");
            }
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }
}
