package org.openemg.core.text;

import static org.openemg.core.message.OptionNames.CHARCODE;
import static org.openemg.core.message.OptionNames.CONCATSMSMAX;
import static org.openemg.core.message.OptionNames.CONCATSMSREF;
import static org.openemg.core.message.OptionNames.CONCATSMSSEQ;
import static org.openemg.core.message.OptionNames.DCS;
import static org.openemg.core.message.OptionNames.DESTADDR;
import static org.openemg.core.message.OptionNames.MESSAGE;
import static org.openemg.core.message.OptionNames.UDH;

import java.util.ArrayList;
import java.util.List;
import org.openemg.core.message.Options;
import org.openemg.core.config.ConcatMode;

/**
 * Turns one message into the parts an outgoing connector sends, one stored row each.
 *
 * <h2>Reading the message</h2>
 * MESSAGE is read by CHARCODE: absent, 0 and 32 are text, sent as GSM 7-bit when every character
 * is in GSM 03.38 (extension table included) and as UCS2 otherwise; 1 is text that must be GSM;
 * 2 is hex octets sent as 8-bit data; 3 is text that must be Latin-1, sent as data_coding 3;
 * 4 is UCS2, given as hex (only hex digits, a multiple of 4 of them) or as text. The computed
 * data_coding is 0, 8, 4 or 3; MSGCLASS (0-3) makes it 0x10|class, 0x18|class or 0xF4|class
 * (Latin-1 has no class bits). A DCS option wins: it is sent as given and its alphabet decides
 * how the text is encoded. UDH (hex, UDHL included) is kept byte for byte; DESTPORT (with
 * SOURCEPORT, default 0) adds the 16-bit port element unless the UDH has a port element already.
 * A message that already carries concatenation, in its UDH or as CONCATSMSREF/SEQ/MAX, is one
 * part and must fit. Bad input is a {@link org.openemg.core.message.GatewayException} with status 5
 * naming the option.
 *
 * <h2>Cutting</h2>
 * A message that fits one SMS beside its header is one part (an empty MESSAGE too). Otherwise parts
 * hold 153 septets, 67 UCS2 units or 134 octets less what the shared header takes, never parting an
 * escape sequence or a surrogate pair, at most 255 parts. CONCAT=8BIT adds {@code 00 03 ref total seq}
 * to each part's header, 16BIT {@code 08 04 refHi refLo total seq}, SAR no element (the part carries
 * the values for the TLVs), PAYLOAD sends the whole message in message_payload and only splits it,
 * with 8-bit elements, when it exceeds MESSAGELENGTH. References come from {@link ConcatReferences}
 * per DESTADDR.
 *
 * <h2>A stored part</h2>
 * A copy of all the message's options, with these rewritten so that {@link SmsEncoder#encode} needs
 * nothing else:
 * <ul>
 * <li>MESSAGE: the part's text, or hex when the message was binary;</li>
 * <li>CHARCODE: how MESSAGE is written: 1 GSM text, 3 Latin-1 text (data_coding 1, 3 and 8-bit
 * text), 32 Unicode text (sent as UCS2), 2 hex;</li>
 * <li>DCS: the data_coding sent, always present;</li>
 * <li>UDH: the part's full header in hex (client elements, ports, concatenation), absent when none;</li>
 * <li>CONCATSMSREF, CONCATSMSSEQ, CONCATSMSMAX: when the message has several parts;</li>
 * <li>{@value #CONCAT}: SAR on concatenated SAR parts, PAYLOAD on message_payload parts, else absent.</li>
 * </ul>
 */
public final class MessageSplitter {

    /** Part option naming where the part's concatenation or body travels when not in short_message and its UDH. */
    public static final String CONCAT = "CONCAT";

    private final ConcatReferences refs;

    public MessageSplitter(ConcatReferences refs) {
        this.refs = refs;
    }

    public List<Options> split(Options message, TextSettings settings) {
        Segmentation segmentation = Segmentation.of(message, settings.concat(), settings.messageLength());
        MessageBody body = segmentation.body;
        int ref = segmentation.needsReference()
                ? refs.next(message.get(DESTADDR), segmentation.sixteenBitReference()) : 0;
        String charcode = Integer.toString(body.charcode());
        String dataCoding = Integer.toString(body.dataCoding);
        int count = segmentation.parts();
        List<Options> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Options part = message.copy();
            part.set(MESSAGE, body.message(segmentation.start(i), segmentation.ends[i]));
            part.set(CHARCODE, charcode);
            part.set(DCS, dataCoding);
            Concat concat = segmentation.concat(i, ref);
            UserDataHeader header = segmentation.header(concat);
            part.set(UDH, header.isEmpty() ? null : header.toHex());
            part.set(CONCATSMSREF, concat == null ? null : Integer.toString(concat.ref()));
            part.set(CONCATSMSSEQ, concat == null ? null : Integer.toString(concat.seq()));
            part.set(CONCATSMSMAX, concat == null ? null : Integer.toString(concat.max()));
            part.set(CONCAT, carrier(settings.concat(), concat));
            parts.add(part);
        }
        return parts;
    }

    /** How many parts {@link #split} makes of the message, without taking a reference. */
    public int count(Options message, TextSettings settings) {
        return Segmentation.of(message, settings.concat(), settings.messageLength()).parts();
    }

    private static String carrier(ConcatMode mode, Concat concat) {
        if (mode == ConcatMode.PAYLOAD || mode == ConcatMode.SAR && concat != null) {
            return mode.keywordValue();
        }
        return null;
    }
}
