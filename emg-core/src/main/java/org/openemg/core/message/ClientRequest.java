package org.openemg.core.message;

import java.util.List;

/**
 * One request of a client a connector logged in itself (an SMPP submit_sm or submit_multi): who sent
 * it, and one option bag per recipient.
 */
public record ClientRequest(ClientIdentity client, List<Options> messages) {

    public ClientRequest {
        messages = List.copyOf(messages);
    }
}
