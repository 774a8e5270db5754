package org.openemg.testkit;

import java.io.IOException;
import java.util.function.Consumer;
import org.jsmpp.bean.SubmitSm;

/** How a simulator is set up for its whole life; {@link SmscSimulator#reset()} does not touch this. */
public final class SmscSimulatorBuilder {

    private final int port;
    private String systemId;
    private String password;
    private Consumer<SubmitSm> submitObserver;
    private boolean keepSubmits = true;

    SmscSimulatorBuilder(int port) {
        this.port = port;
    }

    /** Refuses binds with other credentials (ESME_RINVPASWD); without this every bind is accepted. */
    public SmscSimulatorBuilder credentials(String systemId, String password) {
        this.systemId = systemId;
        this.password = password;
        return this;
    }

    /** Hands every submit_sm to {@code observer} as it arrives, on the link's reader thread. */
    public SmscSimulatorBuilder observeSubmits(Consumer<SubmitSm> observer) {
        this.submitObserver = observer;
        return this;
    }

    /** Without keeping them, a long benchmark does not hold every submit in memory; the lists stay empty. */
    public SmscSimulatorBuilder keepSubmits(boolean keep) {
        this.keepSubmits = keep;
        return this;
    }

    /** Listens and accepts binds from now on. */
    public SmscSimulator start() throws IOException {
        return new SmscSimulator(port, systemId, password, submitObserver, keepSubmits);
    }
}
