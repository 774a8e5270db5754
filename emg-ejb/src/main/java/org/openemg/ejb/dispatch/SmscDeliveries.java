package org.openemg.ejb.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.openemg.core.message.MessageState;
import org.openemg.core.receipt.DeliveryReceipt;
import org.openemg.core.receipt.DeliveryReceiptParser;
import org.openemg.core.receipt.ReceiptState;
import org.openemg.core.receipt.SmscId;
import org.openemg.ejb.store.Receipts;
import org.openemg.rar.api.DeliverSmEvent;
import org.openemg.rar.api.GatewayListener;

/**
 * What an SMSC delivers on an outgoing connector. A receipt moves the part it names to its final
 * state (matched by SMSC id in any of its usual spellings); MO messages are not routed yet.
 */
@ApplicationScoped
public class SmscDeliveries {

    private static final Logger LOG = Logger.getLogger(SmscDeliveries.class.getName());

    @Inject
    private Receipts receipts;

    private final Set<String> moRefusalLogged = ConcurrentHashMap.newKeySet();

    public int deliver(String connector, DeliverSmEvent event) {
        if (!event.isReceipt()) {
            if (moRefusalLogged.add(connector)) {
                LOG.warning("connector " + connector + ": MO messages are not routed yet;"
                        + " answered ESME_RX_T_APPN so that the SMSC keeps them");
            }
            return GatewayListener.TRY_AGAIN_LATER;
        }
        Optional<DeliveryReceipt> text = DeliveryReceiptParser.parse(receiptText(event));
        String smscId = event.receiptedMessageId() != null ? event.receiptedMessageId()
                : text.map(DeliveryReceipt::id).orElse(null);
        Optional<ReceiptState> state = Optional.ofNullable(event.messageState()).flatMap(ReceiptState::fromTlv)
                .or(() -> text.map(DeliveryReceipt::receiptState));
        if (smscId == null || smscId.isBlank() || state.isEmpty()) {
            LOG.warning("connector " + connector + ": a receipt without message id or state was dropped");
            return GatewayListener.KEPT;
        }
        MessageState messageState = state.get().messageState();
        if (!messageState.isFinal()) {
            return GatewayListener.KEPT;
        }
        long now = System.currentTimeMillis();
        receipts.takeTurn(connector);
        if (!receipts.apply(connector, SmscId.candidates(smscId), messageState, now)) {
            receipts.keepEarly(connector, SmscId.normalise(smscId), messageState, now);
        }
        return GatewayListener.KEPT;
    }

    private static String receiptText(DeliverSmEvent event) {
        byte[] body = event.messagePayload() != null ? event.messagePayload() : event.shortMessage();
        return body == null ? "" : new String(body, StandardCharsets.ISO_8859_1);
    }
}
