package org.openemg.core.pap;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * The resultnotification-message the DLR of a WAP push stands for, and the URL it is POSTed to: the
 * push's ppg-notify-requested-to, else the fallback (the outgoing connector's ADDRESS). The DLR carries
 * what it needs (PushSms put it on the push, DeliveryReport carries it over).
 */
public record ResultNotification(URI to, String xml) {

    private static final DateTimeFormatter DLR_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    /** An IllegalArgumentException when {@code dlr} is no DLR of a push (no push-id, state or dates). */
    public static ResultNotification of(Options dlr, URI fallback, PpgIdentity ppg) {
        String pushId = required(dlr, OptionNames.PAP_PUSHID);
        String address = required(dlr, OptionNames.PAP_ADDRESS);
        MessageState state = MessageState.valueOf(required(dlr, OptionNames.MESSAGESTATE));
        if (!state.isFinal()) {
            throw new IllegalArgumentException("a result notification needs a final state, not " + state);
        }
        PapVersion version = PapVersion.ofNumber(dlr.get(OptionNames.PAP_VERSION)).orElse(PapVersion.V2_0);
        ResultNotificationMessage message = ResultNotificationMessage.of(pushId, address, PushState.of(List.of(state)),
                date(dlr, OptionNames.SUBMITDATE), date(dlr, OptionNames.DONEDATE), ppg);
        String notifyTo = dlr.get(OptionNames.PAP_NOTIFYTO);
        return new ResultNotification(notifyTo == null ? fallback : URI.create(notifyTo), message.toXml(version));
    }

    private static String required(Options dlr, String name) {
        String value = dlr.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("not the DLR of a WAP push: no " + name);
        }
        return value;
    }

    private static Instant date(Options dlr, String name) {
        try {
            return LocalDateTime.parse(required(dlr, name), DLR_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is no yyyyMMddHHmmss date: " + dlr.get(name), e);
        }
    }
}
