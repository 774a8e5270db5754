package org.openemg.core.accept;

import org.openemg.core.config.ConcatMode;
import org.openemg.core.config.ConnectorConfig;
import org.openemg.core.text.TextSettings;

/** How a message's text is read and cut: text defaults come from the incoming connector, concatenation from the outgoing one. */
public final class SplitSettings {

    private SplitSettings() {
    }

    /** {@code outgoing} null: before the route is known, with the defaults every outgoing connector can send. */
    public static TextSettings of(ConnectorConfig incoming, ConnectorConfig outgoing) {
        return new TextSettings(incoming.defaultCharcodeUtf8(),
                outgoing == null ? ConcatMode.UDH_8BIT : outgoing.concat(),
                outgoing == null ? 0 : outgoing.intValue("MESSAGELENGTH", 0));
    }
}
