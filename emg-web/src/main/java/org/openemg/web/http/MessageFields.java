package org.openemg.web.http;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.openemg.core.message.LastReport;
import org.openemg.core.message.MessageStatus;

/**
 * What {@code /bin/status} shows of a message, in every format: upper-case names from the option
 * vocabulary, values as text, absent ones left out. DESTADDR is not shown because the endpoint
 * asks for no credentials and ids are sequential: anyone could list whom a customer texts.
 * After the state, the last delivery report: MESSAGESTATE, DLRTIME (when it came), SMSCERROR, and
 * DLRID and DLRSTATE of the DLR message sent back to the client. Last, BALANCE: what the sender's account has
 * left now (four decimals, as in the /bin/send answers), only for a sender with an account.
 */
final class MessageFields {

    private MessageFields() {
    }

    static void forEach(MessageStatus message, Optional<LastReport> lastReport, Optional<BigDecimal> balance,
                        BiConsumer<String, String> field) {
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
        lastReport.ifPresent(report -> {
            optional("MESSAGESTATE", report.messageState(), field);
            optional("DLRTIME", report.at() == null ? null : report.at().toString(), field);
            optional("SMSCERROR", report.smscError(), field);
            optional("DLRID", report.dlrId() == null ? null : report.dlrId().toString(), field);
            optional("DLRSTATE", report.dlrState() == null ? null : report.dlrState().name(), field);
        });
        balance.ifPresent(credit -> field.accept("BALANCE", credit.toPlainString()));
    }

    private static void optional(String name, String value, BiConsumer<String, String> field) {
        if (value != null) {
            field.accept(name, value);
        }
    }
}
