package org.openemg.core.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class DeliveryReceiptTextTest {

    private static final Instant SUBMIT = Instant.parse("2026-03-14T09:26:53Z");
    private static final Instant DONE = Instant.parse("2026-03-14T23:59:59Z");

    @Test
    void deliveredReceiptIsExactlyTheSpecsForm() {
        assertEquals("id:1000000000042 sub:001 dlvrd:001 submit date:2603140926 done date:2603142359"
                        + " stat:DELIVRD err:000 text:Hello world, this is",
                DeliveryReceiptText.format("1000000000042", ReceiptState.DELIVERED, SUBMIT, DONE, null,
                        "Hello world, this is a long message"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ReceiptState.class, names = "DELIVERED", mode = EnumSource.Mode.EXCLUDE)
    void onlyDeliveredCountsAsDelivered(ReceiptState state) {
        String text = DeliveryReceiptText.format("7", state, SUBMIT, DONE, null, "x");
        assertEquals("id:7 sub:001 dlvrd:000 submit date:2603140926 done date:2603142359 stat:" + state.stat()
                + " err:000 text:x", text);
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                arguments("short", "short"),
                arguments(null, ""),
                arguments("", ""),
                arguments("exactly twenty chars", "exactly twenty chars"),
                arguments("two\r\nlines", "two  lines"),
                arguments("😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀"),
                arguments("Grüße aus Åre och Malmö!", "Grüße aus Åre och Ma"));
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @MethodSource("quotes")
    void quotesTheFirstTwentyCharactersOnOneLine(String messageText, String quoted) {
        String text = DeliveryReceiptText.format("7", ReceiptState.DELIVERED, SUBMIT, DONE, null, messageText);
        assertEquals(quoted, text.substring(text.indexOf(" text:") + " text:".length()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReceiptState.class)
    void parserReadsBackWhatIsFormatted(ReceiptState state) {
        String text = DeliveryReceiptText.format("1000000000042", state, SUBMIT, DONE, null, "Hi there\nid:9 stat:DELIVRD");
        DeliveryReceipt receipt = DeliveryReceiptParser.parse(text).orElseThrow();
        assertEquals(new DeliveryReceipt("1000000000042", 1, state == ReceiptState.DELIVERED ? 1 : 0,
                Instant.parse("2026-03-14T09:26:00Z"), Instant.parse("2026-03-14T23:59:00Z"),
                state.stat(), "000", "Hi there id:9 stat:D"), receipt);
        assertEquals(state, receipt.receiptState());
        assertEquals(state.messageState(), receipt.state());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, 000", "'', 000", "0B, 00B", "11, 011",
            "123, 123", "1024, 1024"})
    void theSmscsErrorIsCarriedInTheErrField(String error, String err) {
        String text = DeliveryReceiptText.format("7", ReceiptState.UNDELIVERABLE, SUBMIT, DONE, error, "x");

        assertTrue(text.contains(" stat:UNDELIV err:" + err + " text:x"), text);
    }
}
