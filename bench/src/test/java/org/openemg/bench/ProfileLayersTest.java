package org.openemg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProfileLayersTest {

    private static final String WORKER = "[default task-1 tid=101];java/lang/Thread.run;";

    @Test
    void eachSampleGoesToTheInnermostOwnerWithHandOffsSocketsAndTheJvmApart() {
        Map<ProfileLayers.Layer, Long> layers = ProfileLayers.layers(Stream.of(
                WORKER + "org/jboss/resteasy/core/SynchronousDispatcher.invoke;org/openemg/ejb/accept/MessageServiceBean.accept;"
                        + "org/h2/mvstore/MVStore.commit;java/util/HashMap.get 6",
                WORKER + "org/openemg/ejb/store/GroupCommit.commit;java/util/concurrent/locks/LockSupport.park;__futex_abstimed_wait_common 5",
                WORKER + "io/undertow/servlet/handlers/ServletHandler.handleRequest;org/jboss/resteasy/core/SynchronousDispatcher.invoke;"
                        + "java/util/HashMap.get 3",
                "[XNIO-1 I/O-1 tid=7];org/xnio/nio/NioSocketConduit.write;sun/nio/ch/SocketDispatcher.writev;writev;tcp_sendmsg_[k] 4",
                WORKER + "org/jboss/threads/EnhancedQueueExecutor$PoolThreadNode.park;java/util/concurrent/locks/LockSupport.parkNanos 2",
                "[C2 CompilerThread0 tid=9];Compile::Compile 2",
                "[pool-1 tid=11];java/lang/Thread.run;java/util/HashMap.get 1",
                ""));

        Map<ProfileLayers.Layer, Long> expected = new LinkedHashMap<>();
        expected.put(new ProfileLayers.Layer("H2", false), 6L);
        expected.put(new ProfileLayers.Layer("thread hand-offs: gateway", false), 5L);
        expected.put(ProfileLayers.SOCKETS, 4L);
        expected.put(new ProfileLayers.Layer("container: RESTEasy", true), 3L);
        expected.put(new ProfileLayers.Layer("thread hand-offs: XNIO and JBoss Threads", true), 2L);
        expected.put(ProfileLayers.JVM, 2L);
        expected.put(new ProfileLayers.Layer("JDK only", false), 1L);
        assertEquals(expected, layers);
    }

    @Test
    void theTableGivesSharesMicrosecondsAndTheContainersSum() {
        Map<ProfileLayers.Layer, Long> layers = new LinkedHashMap<>();
        layers.put(new ProfileLayers.Layer("H2", false), 60L);
        layers.put(new ProfileLayers.Layer("container: RESTEasy", true), 30L);
        layers.put(new ProfileLayers.Layer("thread hand-offs: XNIO and JBoss Threads", true), 10L);

        String table = ProfileLayers.table(layers, 200.0);

        assertTrue(table.startsWith("100 samples\n"), table);
        assertTrue(table.contains("| H2 | 60.0% | 120 |\n"), table);
        assertTrue(table.contains("| container: RESTEasy | 30.0% | 60 |\n"), table);
        assertTrue(table.contains("| **the container's layers, their thread hand-offs included** | 40.0% | 80 |\n"), table);
    }
}
