package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openemg.core.message.MessageState;

class DeliveryReceiptParserTest {

    private static final Instant SUBMIT = Instant.parse("2026-03-14T09:26:00Z");
    private static final Instant DONE = Instant.parse("2026-03-14T09:27:00Z");

    static Stream<Arguments> receipts() {
        return Stream.of(
                arguments("SMPP 3.4 Appendix B",
                        "id:0123456789 sub:001 dlvrd:001 submit date:2603140926 done date:2603140927 stat:DELIVRD err:000 text:Hello world",
                        new DeliveryReceipt("0123456789", 1, 1, SUBMIT, DONE, "DELIVRD", "000", "Hello world")),
                arguments("Kannel fake SMSC, hex id",
                        "id:4A3F21BC sub:001 dlvrd:000 submit date:2603140926 done date:2603140927 stat:UNDELIV err:001 text:",
                        new DeliveryReceipt("4A3F21BC", 1, 0, SUBMIT, DONE, "UNDELIV", "001", "")),
                arguments("SMSC simulator, dates with seconds",
                        "id:12345 sub:001 dlvrd:001 submit date:260314092611 done date:260314092759 stat:DELIVRD err:0 text:Test message",
                        new DeliveryReceipt("12345", 1, 1, Instant.parse("2026-03-14T09:26:11Z"),
                                Instant.parse("2026-03-14T09:27:59Z"), "DELIVRD", "0", "Test message")),
                arguments("lower-case keys and stat",
                        "id:abc sub:1 dlvrd:1 submit date:2603140926 done date:2603140927 stat:delivrd err:000 text:hi",
                        new DeliveryReceipt("abc", 1, 1, SUBMIT, DONE, "delivrd", "000", "hi")),
                arguments("upper-case keys, capitalised Text:",
                        "ID:7 SUB:001 DLVRD:001 SUBMIT DATE:2603140926 DONE DATE:2603140927 STAT:DELIVRD ERR:000 Text:Yo",
                        new DeliveryReceipt("7", 1, 1, SUBMIT, DONE, "DELIVRD", "000", "Yo")),
                arguments("no err",
                        "id:99 sub:001 dlvrd:001 submit date:2603140926 done date:2603140927 stat:DELIVRD text:x",
                        new DeliveryReceipt("99", 1, 1, SUBMIT, DONE, "DELIVRD", null, "x")),
                arguments("no text",
                        "id:99 sub:001 dlvrd:000 submit date:2603140926 done date:2603140927 stat:EXPIRED err:000",
                        new DeliveryReceipt("99", 1, 0, SUBMIT, DONE, "EXPIRED", "000", null)),
                arguments("only id and stat",
                        "id:99 stat:REJECTD",
                        new DeliveryReceipt("99", null, null, null, null, "REJECTD", null, null)),
                arguments("fields in another order",
                        "stat:DELIVRD id:00001 done date:2603140927 err:000 dlvrd:001 sub:001 submit date:2603140926 text:z",
                        new DeliveryReceipt("00001", 1, 1, SUBMIT, DONE, "DELIVRD", "000", "z")),
                arguments("extra spaces everywhere",
                        "  id: 42   sub : 001  dlvrd:001 submit  date: 2603140926 done date:2603140927   stat: DELIVRD err:000 text: spaced  ",
                        new DeliveryReceipt("42", 1, 1, SUBMIT, DONE, "DELIVRD", "000", " spaced  ")),
                arguments("underscores in date keys",
                        "id:42 submit_date:2603140926 done_date:2603140927 stat:DELIVRD",
                        new DeliveryReceipt("42", null, null, SUBMIT, DONE, "DELIVRD", null, null)),
                arguments("text swallows key-like words and ends at the line",
                        "id:42 stat:DELIVRD text:see id:7 stat:UNDELIV\r\nsecond line",
                        new DeliveryReceipt("42", null, null, null, null, "DELIVRD", null, "see id:7 stat:UNDELIV")),
                arguments("unreadable numbers and dates are null",
                        "id:42 sub:one dlvrd:-1 submit date:2613140926 done date:26031409 stat:DELIVRD",
                        new DeliveryReceipt("42", null, null, null, null, "DELIVRD", null, null)),
                arguments("four-digit years",
                        "id:42 submit date:20260314092600 done date:20260314092700 stat:DELIVRD",
                        new DeliveryReceipt("42", null, null, SUBMIT, DONE, "DELIVRD", null, null)),
                arguments("empty values are missing",
                        "id:42 sub: dlvrd: stat:ENROUTE err: text:",
                        new DeliveryReceipt("42", null, null, null, null, "ENROUTE", null, "")),
                arguments("first of a repeated key wins",
                        "id:1 id:2 stat:DELIVRD stat:UNDELIV",
                        new DeliveryReceipt("1", null, null, null, null, "DELIVRD", null, null)),
                arguments("a key inside a longer word is not a key",
                        "msgid:5 id:6 substat:x stat:DELETED",
                        new DeliveryReceipt("6", null, null, null, null, "DELETED", null, null)),
                arguments("UUID id",
                        "id:550E8400-E29B-41D4-A716-446655440000 sub:001 dlvrd:001 stat:DELIVRD err:000",
                        new DeliveryReceipt("550E8400-E29B-41D4-A716-446655440000", 1, 1, null, null, "DELIVRD", "000", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("receipts")
    void readsReceipt(String name, String text, DeliveryReceipt expected) {
        assertEquals(Optional.of(expected), DeliveryReceiptParser.parse(text));
    }

    @ParameterizedTest(name = "not a receipt: \"{0}\"")
    @ValueSource(strings = {"", "Hello, see you at 10:30", "sub:001 dlvrd:001 stat:DELIVRD", "id: stat:DELIVRD", "id:"})
    void textWithoutIdIsNoReceipt(String text) {
        assertEquals(Optional.empty(), DeliveryReceiptParser.parse(text));
    }

    @Test
    void nullIsNoReceipt() {
        assertEquals(Optional.empty(), DeliveryReceiptParser.parse(null));
    }

    @ParameterizedTest(name = "stat:{0}")
    @MethodSource("statesOfReceipts")
    void statLeadsToMessageStateAndOption(String stat, MessageState state, String option) {
        DeliveryReceipt receipt = DeliveryReceiptParser.parse("id:1 stat:" + stat).orElseThrow();
        assertEquals(state, receipt.state());
        assertEquals(option, receipt.messageStateOption());
    }

    static Stream<Arguments> statesOfReceipts() {
        return Stream.of(
                arguments("DELIVRD", MessageState.DELIVERED, "DELIVERED"),
                arguments("EXPIRED", MessageState.EXPIRED, "EXPIRED"),
                arguments("DELETED", MessageState.DELETED, "DELETED"),
                arguments("UNDELIV", MessageState.FAILED, "UNDELIVERABLE"),
                arguments("REJECTD", MessageState.FAILED, "REJECTED"),
                arguments("ACCEPTD", MessageState.SUBMITTED, "ACCEPTED"),
                arguments("UNKNOWN", MessageState.SUBMITTED, "UNKNOWN"),
                arguments("ENROUTE", MessageState.SUBMITTED, "ENROUTE"),
                arguments("SENT", MessageState.SUBMITTED, "UNKNOWN"));
    }

    @Test
    void missingStatIsUnknown() {
        DeliveryReceipt receipt = DeliveryReceiptParser.parse("id:1 dlvrd:001").orElseThrow();
        assertEquals(ReceiptState.UNKNOWN, receipt.receiptState());
    }
}
