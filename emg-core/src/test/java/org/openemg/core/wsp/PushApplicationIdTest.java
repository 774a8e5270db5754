package org.openemg.core.wsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X-Wap-Application-Id values (PAP-WAP.md 3.1's OMNA table) as the header value encodes them. */
class PushApplicationIdTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "x-wap-application:*, 80",
            "x-wap-application:push.sia, 81",
            "x-wap-application:wml.ua, 82",
            "x-wap-application:wta.ua, 83",
            "x-wap-application:mms.ua, 84",
            "x-wap-application:push.syncml, 85",
            "x-wap-application:loc.ua, 86",
            "x-wap-application:syncml.dm, 87",
            "x-wap-application:drm.ua, 88",
            "x-wap-application:emn.ua, 89",
            "x-wap-application:wv.ua, 8a",
            "X-WAP-Application:MMS.UA, 84",
            "4, 84",
            "0x04, 84",
            "0x8002, 028002",
            "32770, 028002",
            "x-wap-docomo:imode.mail.ua, 782d7761702d646f636f6d6f3a696d6f64652e6d61696c2e756100",
            "99999999999, 393939393939393939393900",
    })
    void encodes(String value, String hex) {
        WspWriter out = new WspWriter();
        PushApplicationId.parse(value).write(out);
        assertEquals(hex, HexFormat.of().formatHex(out.toBytes()));
    }

    @Test
    void onlyWmlUaIsTheBrowser() {
        assertTrue(PushApplicationId.parse("x-wap-application:wml.ua").isBrowser());
        assertTrue(PushApplicationId.parse("2").isBrowser());
        assertFalse(PushApplicationId.parse("x-wap-application:mms.ua").isBrowser());
        assertFalse(PushApplicationId.parse("wml.ua").isBrowser());
    }
}
