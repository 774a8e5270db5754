package org.openemg.core.pap;

/** badmessage-response: a request the PPG could not read, the code (2000, 3001, 3002) and the text it choked on. */
public record BadMessageResponse(PapCode code, String description, String fragment) implements PapResponse {

    @Override
    public String toXml(PapVersion version) {
        return new PapXml(version)
                .empty("badmessage-response", "code", Integer.toString(code.value()), "desc", description,
                        "bad-message-fragment", fragment)
                .end();
    }
}
