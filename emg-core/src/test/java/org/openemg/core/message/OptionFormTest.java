package org.openemg.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionFormTest {

    @Test
    void optionsGoInTheOrderTheyWereSetEncodedAsUtf8() {
        Options options = new Options().set("MSGTYPE", "5").set("ORIGID", "70000000000001")
                .set("MESSAGE", "Grüße & 100% €").set("DESTADDR", "+4670");

        assertEquals("MSGTYPE=5&ORIGID=70000000000001&MESSAGE=Gr%C3%BC%C3%9Fe+%26+100%25+%E2%82%AC&DESTADDR=%2B4670",
                OptionForm.encode(options));
    }

    @Test
    void aPasswordNeverLeaves() {
        assertEquals("USERNAME=alice", OptionForm.encode(new Options().set("USERNAME", "alice").set("PASSWORD", "secret")));
    }

    @ParameterizedTest
    @CsvSource({
        "http://h/dlr, http://h/dlr?ID=1",
        "http://h/dlr?key=k, http://h/dlr?key=k&ID=1",
        "http://h/dlr?, http://h/dlr?ID=1",
        "http://h/dlr?key=k&, http://h/dlr?key=k&ID=1",
    })
    void parametersJoinTheUrlsOwnQuery(String url, String called) {
        assertEquals(called, OptionForm.withQuery(url, new Options().set("ID", "1")));
    }
}
