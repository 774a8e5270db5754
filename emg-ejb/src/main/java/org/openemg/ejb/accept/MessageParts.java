package org.openemg.ejb.accept;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openemg.core.config.ConcatMode;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.message.Options;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.MessageSplitter;
import org.openemg.core.text.TextSettings;

/** Splits messages into parts; one instance, so that concatenation references rotate per destination across requests. */
@ApplicationScoped
public class MessageParts {

    private final MessageSplitter splitter = new MessageSplitter(new ConcatReferences());

    /** Text defaults come from the incoming connector, concatenation from the outgoing one. */
    public List<Options> split(Options message, ConnectorConfig incoming, ConnectorConfig outgoing) {
        return splitter.split(message, settings(incoming, outgoing));
    }

    /** Refuses a body that no outgoing connector could send (bad hex, text outside its CHARCODE), using no reference. */
    public void check(Options message, ConnectorConfig incoming) {
        splitter.count(message, settings(incoming, null));
    }

    private static TextSettings settings(ConnectorConfig incoming, ConnectorConfig outgoing) {
        return new TextSettings(incoming.defaultCharcodeUtf8(),
                outgoing == null ? ConcatMode.UDH_8BIT : outgoing.concat(),
                outgoing == null ? 0 : outgoing.intValue("MESSAGELENGTH", 0));
    }
}
