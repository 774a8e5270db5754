package org.openemg.core.dlr;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.openemg.core.message.MessageState;
import org.openemg.core.message.OptionNames;
import org.openemg.core.message.Options;

/**
 * The DLR of a message whose every part is final (spec section 7): a message of its own, MSGTYPE=5 with
 * ORIGID and MESSAGESTATE, from the original's recipient to its sender, owned by the original's user and
 * received on its connector, so that it finds its way back. Only a message that asked for one (DLR=1 or 3) gets one;
 * DLR=3 also gets the intermediate ones.
 */
public final class DeliveryReport {

    public static final String MSGTYPE_DLR = "5";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withZone(ZoneOffset.UTC);
    /** The options of the original that travel with its DLR. */
    private static final List<String> CARRIED = List.of(OptionNames.USERNAME, OptionNames.CONNECTOR,
            OptionNames.REMOTEIP, OptionNames.MESSAGE, OptionNames.ROUTEDLR, OptionNames.PAP_PUSHID,
            OptionNames.PAP_ADDRESS, OptionNames.PAP_NOTIFYTO, OptionNames.PAP_VERSION);

    private DeliveryReport() {
    }

    /** The DLR of {@code original} (the options of its first part), or none when it asked for none or is a DLR itself. */
    public static Optional<Options> of(long originalId, Options original, MessageState state, Instant accepted, Instant done) {
        if (!state.isFinal() || requested(original) == 0) {
            return Optional.empty();
        }
        return Optional.of(report(originalId, original, state.name(), accepted, done));
    }

    /**
     * An intermediate DLR (DLR=3 only): what a receipt that is not final (ENROUTE, ACCEPTED, UNKNOWN) said of a
     * part of {@code original}; the final DLR still follows.
     */
    public static Optional<Options> intermediate(long originalId, Options original, String reportedState, Instant accepted,
                                                 Instant at) {
        if (requested(original) != 3) {
            return Optional.empty();
        }
        return Optional.of(report(originalId, original, reportedState, accepted, at));
    }

    /** The DLR option of the original; 0 for a DLR itself or an unreadable value. */
    private static int requested(Options original) {
        if (MSGTYPE_DLR.equals(original.get(OptionNames.MSGTYPE))) {
            return 0;
        }
        try {
            return original.getInt(OptionNames.DLR, 0);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    private static Options report(long originalId, Options original, String messageState, Instant accepted, Instant done) {
        Options report = new Options();
        report.set(OptionNames.MSGTYPE, MSGTYPE_DLR);
        report.set(OptionNames.ORIGID, originalId);
        report.set(OptionNames.MESSAGESTATE, messageState);
        swap(original, report, OptionNames.DESTADDR, OptionNames.SOURCEADDR);
        swap(original, report, OptionNames.DESTADDRTON, OptionNames.SOURCEADDRTON);
        swap(original, report, OptionNames.DESTADDRNPI, OptionNames.SOURCEADDRNPI);
        swap(original, report, OptionNames.SOURCEADDR, OptionNames.DESTADDR);
        swap(original, report, OptionNames.SOURCEADDRTON, OptionNames.DESTADDRTON);
        swap(original, report, OptionNames.SOURCEADDRNPI, OptionNames.DESTADDRNPI);
        CARRIED.forEach(name -> report.set(name, original.get(name)));
        report.set(OptionNames.SUBMITDATE, DATE.format(accepted));
        report.set(OptionNames.DONEDATE, DATE.format(done));
        return report;
    }

    private static void swap(Options original, Options report, String from, String to) {
        report.set(to, original.get(from));
    }
}
