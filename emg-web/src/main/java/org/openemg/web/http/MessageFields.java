package org.openemg.web.http;

import java.util.function.BiConsumer;
import org.openemg.core.message.MessageStatus;

/**
 * What {@code /bin/status} shows of a message, in every format: upper-case names from the option
 * vocabulary, values as text, absent ones left out. DESTADDR is not shown because the endpoint
 * asks for no credentials and ids are sequential: anyone could list whom a customer texts.
 */
final class MessageFields {

    private MessageFields() {
    }

    static void forEach(MessageStatus message, BiConsumer<String, String> field) {
        field.accept("ID", Long.toString(message.id()));
        if (message.state() != null) {
            field.accept("STATE", message.state().name());
        }
        optional("CONNECTOR", message.connector(), field);
        optional("OUTCONNECTOR", message.outConnector(), field);
        optional("SMSCID", message.smscId(), field);
        field.accept("ATTEMPTS", Integer.toString(message.attempts()));
        if (message.created() != null) {
            field.accept("CREATED", message.created().toString());
        }
        if (message.updated() != null) {
            field.accept("UPDATED", message.updated().toString());
        }
    }

    private static void optional(String name, String value, BiConsumer<String, String> field) {
        if (value != null) {
            field.accept(name, value);
        }
    }
}
