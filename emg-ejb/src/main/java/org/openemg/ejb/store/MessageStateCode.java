package org.openemg.ejb.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.openemg.core.message.MessageState;

/** A message state as the database keeps it: its code in a SMALLINT column. */
@Converter
class MessageStateCode implements AttributeConverter<MessageState, Short> {

    @Override
    public Short convertToDatabaseColumn(MessageState state) {
        return state == null ? null : (short) state.code();
    }

    @Override
    public MessageState convertToEntityAttribute(Short code) {
        return code == null ? null : MessageState.ofCode(code);
    }
}
