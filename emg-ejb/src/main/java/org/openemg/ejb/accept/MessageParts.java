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
        TextSettings settings = new TextSettings(incoming.defaultCharcodeUtf8(),
                outgoing == null ? ConcatMode.UDH_8BIT : outgoing.concat(),
                outgoing == null ? 0 : outgoing.intValue("MESSAGELENGTH", 0));
        return splitter.split(message, settings);
    }
}
