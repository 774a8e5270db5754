package org.openemg.rar.smpp.client;

import org.openemg.core.message.Options;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.MessageSplitter;
import org.openemg.core.text.TextSettings;

/** A message as the dispatcher hands it over: one stored part, split by emg-core at acceptance. */
final class StoredPart {

    private static final MessageSplitter SPLITTER = new MessageSplitter(new ConcatReferences(1));

    static Options of(Options message) {
        return SPLITTER.split(message, TextSettings.DEFAULT).get(0);
    }

    private StoredPart() {
    }
}
