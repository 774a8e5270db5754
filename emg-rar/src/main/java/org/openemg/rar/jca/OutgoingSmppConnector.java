package org.openemg.rar.jca;

import org.openemg.rar.api.LinkFigures;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TimerTask;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.bean.DeliverSm;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.config.ServerConfig;
import org.openemg.core.message.ClientIdentity;
import org.openemg.core.message.GatewayException;
import org.openemg.core.message.Options;
import org.openemg.core.text.Reassembler;
import org.openemg.rar.api.LinkFigures;
import org.openemg.rar.api.OutgoingMessage;
import org.openemg.rar.smpp.client.DeliverSmReader;
import org.openemg.rar.smpp.client.DeliverSmStatus;
import org.openemg.rar.smpp.client.OutgoingSmppSettings;
import org.openemg.rar.smpp.client.SmppClientConnector;

/**
 * An outgoing SMPP connector as the adapter runs it: the binds of {@link SmppClientConnector}, and what
 * the SMSC delivers read into options and handed to the gateway before the deliver_sm is answered.
 */
final class OutgoingSmppConnector implements RunningConnector {

    private static final Logger LOG = Logger.getLogger(OutgoingSmppConnector.class.getName());
    private static final long EXPIRY_TICK_MS = 1_000;

    private final OutgoingSmppSettings settings;
    private final int cmrExpireSeconds;
    private final ListenerEndpoint listener;
    private final DeliverSmReader reader;
    private final ClientIdentity smsc;
    private final SmppClientConnector client;
    private final TimerTask reassemblyExpiry;

    private OutgoingSmppConnector(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        this.settings = OutgoingSmppSettings.of(connector);
        this.cmrExpireSeconds = config.cmrExpireSeconds();
        this.listener = context.listener();
        this.reader = new DeliverSmReader(new Reassembler(Clock.systemUTC(), Duration.ofSeconds(cmrExpireSeconds)));
        this.smsc = ClientIdentity.anonymous(settings.host());
        this.client = new SmppClientConnector(settings, listener, this::deliver, context.threads());
        this.reassemblyExpiry = new TimerTask() {
            @Override
            public void run() {
                reader.expired().forEach(OutgoingSmppConnector.this::handOverIncomplete);
            }
        };
        context.timer().schedule(reassemblyExpiry, EXPIRY_TICK_MS, EXPIRY_TICK_MS);
    }

    static RunningConnector start(ServerConfig config, ConnectorConfig connector, ConnectorContext context) {
        OutgoingSmppConnector started = new OutgoingSmppConnector(config, connector, context);
        started.client.start();
        return started;
    }

    @Override
    public boolean runsWith(ServerConfig config) {
        return config.cmrExpireSeconds() == cmrExpireSeconds
                && config.connector(settings.connector()).map(OutgoingSmppSettings::of).map(settings::equals).orElse(false);
    }

    @Override
    public void send(List<OutgoingMessage> batch) {
        client.submit(batch);
    }

    @Override
    public int readyCount() {
        return client.submittingCount();
    }

    @Override
    public LinkFigures figures() {
        int binds = Math.max(1, settings.instances());
        return new LinkFigures(binds, client.boundCount(), client.windowInUse(), binds * Math.max(1, settings.windowSize()));
    }

    @Override
    public void stop() {
        reassemblyExpiry.cancel();
        client.stop();
    }

    /** Parts of long MO messages are answered at once and kept in memory until the rest arrives; the rest go as one group. */
    private List<Integer> deliver(String connector, List<DeliverSm> group) {
        Integer[] statuses = new Integer[group.size()];
        List<Options> messages = new ArrayList<>(group.size());
        List<Integer> positions = new ArrayList<>(group.size());
        for (int i = 0; i < group.size(); i++) {
            Optional<Options> message = reader.read(group.get(i));
            if (message.isEmpty()) {
                statuses[i] = DeliverSmStatus.KEPT;
            } else {
                messages.add(message.get());
                positions.add(i);
            }
        }
        List<Integer> kept = messages.isEmpty() ? List.of() : keep(connector, messages);
        for (int j = 0; j < kept.size(); j++) {
            statuses[positions.get(j)] = kept.get(j);
        }
        return Arrays.asList(statuses);
    }

    private List<Integer> keep(String connector, List<Options> messages) {
        try {
            return listener.receive(connector, smsc, messages)
                    .map(outcome -> outcome.results().stream().map(result -> DeliverSmStatus.of(result.status())).toList())
                    .orElseGet(() -> Collections.nCopies(messages.size(), DeliverSmStatus.TRY_AGAIN_LATER));
        } catch (GatewayException refused) {
            if (messages.size() == 1) {
                return List.of(DeliverSmStatus.of(refused.status()));
            }
            // a refusal of the whole call: each on its own, so that one message does not cost the others theirs
            List<Integer> each = new ArrayList<>(messages.size());
            messages.forEach(message -> each.add(keep(connector, List.of(message)).get(0)));
            return each;
        }
    }

    private void handOverIncomplete(Options message) {
        try {
            listener.receive(settings.connector(), smsc, List.of(message));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an incomplete MO message on " + settings.connector() + " was not kept", e);
        }
    }
}
