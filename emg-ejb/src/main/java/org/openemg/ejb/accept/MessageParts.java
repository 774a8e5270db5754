package org.openemg.ejb.accept;

import jakarta.enterprise.context.ApplicationScoped;
import org.openemg.core.text.ConcatReferences;
import org.openemg.core.text.MessageSplitter;

/** The application's one splitter: concatenation references must rotate per destination across requests, not per bean. */
@ApplicationScoped
public class MessageParts {

    private final MessageSplitter splitter = new MessageSplitter(new ConcatReferences());

    public MessageSplitter splitter() {
        return splitter;
    }
}
