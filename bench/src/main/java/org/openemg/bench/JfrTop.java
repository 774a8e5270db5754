package org.openemg.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's execution samples are, in a few lines for RESULTS.md: the share of samples per
 * thread group (thread name without its numbers), per "first interesting frame" (the topmost frame in H2,
 * Hibernate, the gateway, SubEthaSMTP, jSMPP, Undertow, Narayana or RESTEasy) and per top frame.
 * {@code java -cp target/classes org.openemg.bench.JfrTop recording.jfr [lines]}
 */
public final class JfrTop {

    private static final List<String> INTERESTING = List.of("org.h2.", "org.hibernate.", "org.openemg.", "org.subethamail.",
            "org.jsmpp.", "io.undertow.", "com.arjuna.", "org.jboss.resteasy.", "jakarta.mail.", "org.eclipse.angus.");

    public static void main(String[] args) throws Exception {
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        int total = 0;
        try (RecordingFile file = new RecordingFile(Path.of(args[0]))) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                total++;
                String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
                threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N").replaceAll("/[^ ]*:N", ""), 1, Integer::sum);
                List<RecordedFrame> frames = e.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    top.merge(name(frames.get(0)), 1, Integer::sum);
                }
                String f = "(none of those)";
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (INTERESTING.stream().anyMatch(n::startsWith)) {
                        f = n;
                        break;
                    }
                }
                first.merge(f, 1, Integer::sum);
                components.merge(component(frames), 1, Integer::sum);
            }
        }
        System.out.println(total + " execution samples");
        print("threads", threads, total, lines);
        print("component of the topmost frame outside the JDK (or the JDK's own package when there is none)", components, total, lines);
        print("first frame in H2/Hibernate/gateway/SubEthaSMTP/jSMPP/Undertow/Narayana/RESTEasy/Mail", first, total, lines);
        print("top frames", top, total, lines);
    }

    private static final List<String> COMPONENTS = List.of("org.h2", "org.hibernate", "org.openemg", "org.subethamail",
            "jakarta.mail", "org.eclipse.angus", "org.jsmpp", "io.undertow", "org.jboss.resteasy", "com.arjuna", "org.jboss.weld",
            "org.jboss.jca", "org.jboss.as", "org.wildfly", "org.jboss", "io.netty", "org.apache.activemq");

    /** The component of the topmost non-JDK frame; a JDK-only stack is named by its top frame's package. */
    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String n = name(frame);
            if (n.startsWith("java.") || n.startsWith("jdk.") || n.startsWith("sun.") || n.startsWith("javax.")) {
                continue;
            }
            for (String c : COMPONENTS) {
                if (n.startsWith(c + ".")) {
                    return c;
                }
            }
            int dot = n.indexOf('.', n.indexOf('.') + 1);
            return dot < 0 ? n : n.substring(0, dot);
        }
        if (frames.isEmpty()) {
            return "(no frames)";
        }
        String n = name(frames.get(0));
        int dot = n.indexOf('.', n.indexOf('.') + 1);
        return "JDK only: " + (dot < 0 ? n : n.substring(0, dot));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int lines) {
        System.out.println("\n" + title + ":");
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(lines)
                .forEach(e -> System.out.printf(java.util.Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }
}
