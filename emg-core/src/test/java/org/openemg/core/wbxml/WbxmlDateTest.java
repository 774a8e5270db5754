package org.openemg.core.wbxml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PAP-WAP.md 2.6: digits packed two per octet, trailing zero octets (not nibbles) dropped. */
class WbxmlDateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1999-06-25T15:23:15Z, 19990625152315",
            "1999-06-30T00:00:00Z, 19990630",
            "2002-06-30T00:00:00Z, 20020630",
            "2009-02-26T16:25:00Z, 200902261625",
            "2000-01-01T00:00:00Z, 20000101",
            "2010-10-10T10:00:00Z, 2010101010",
            "2010-10-10T10:00:01Z, 20101010100001",
            "2001-01-01T00:10:00Z, 200101010010",
    })
    void packsAndDropsTrailingZeroOctets(String date, String hex) throws DocumentException {
        assertArrayEquals(HexFormat.of().parseHex(hex), WbxmlDate.octets(date));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2009-02-30T00:00:00Z", "2009-02-26 16:25:00Z", "2009-02-26T16:25:00", "2009-02-26T24:00:00Z",
            "2009-2-26T16:25:00Z", "2009-02-26T16:25:00+01:00", ""})
    void refusesWhatIsNotAValidDate(String date) {
        assertThrows(DocumentException.class, () -> WbxmlDate.octets(date));
    }
}
