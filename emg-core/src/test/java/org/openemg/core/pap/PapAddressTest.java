package org.openemg.core.pap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PAP-WAP.md 1.6: the address grammar, keys in any case, the @ppg part optional; only phone numbers reach a phone by SMS. */
class PapAddressTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "WAPPUSH=+46701234567/TYPE=PLMN@ppg.example.com     | PLMN       | +46701234567  | +46701234567",
            "WAPPUSH=+46701234567/TYPE=PLMN                     | PLMN       | +46701234567  | +46701234567",
            "wappush=+46701234567/type=plmn@ppg.example.com     | PLMN       | +46701234567  | +46701234567",
            "WapPush=+358408201681/Type=PLMN@ppg.carrier.com    | PLMN       | +358408201681 | +358408201681",
            "WAPPUSH=+46-70-123.45.67/TYPE=PLMN@ppg             | PLMN       | +46-70-123.45.67 | +46701234567",
            "WAPPUSH=+46701234567/TYPE=PLMN/x-carrier=1@ppg.a-b.c | PLMN     | +46701234567  | +46701234567",
            "WAPPUSH=46701234567/TYPE=PLMN@ppg                  | PLMN       | 46701234567   | -",
            "WAPPUSH=+123456789012345678901/TYPE=PLMN           | PLMN       | +123456789012345678901 | -",
            "WAPPUSH=+12345678901234567890/TYPE=PLMN            | PLMN       | +12345678901234567890 | +12345678901234567890",
            "WAPPUSH=46701234567/TYPE=GSM_MSISDN@ppg            | GSM_MSISDN | 46701234567   | 46701234567",
            "WAPPUSH=213.243.140.102/TYPE=IPv4@ppg.carrier.com  | IPV4       | 213.243.140.102 | -",
            "WAPPUSH=FEDC:BA98:7654:3210:FEDC:BA98:7654:3210/TYPE=IPv6@ppg | IPV6 | FEDC:BA98:7654:3210:FEDC:BA98:7654:3210 | -",
            "WAPPUSH=john%40example.com/TYPE=USER@ppg.carrier.com | USER     | john%40example.com | -",
            "wappush=2100000A%3A100/type=user@rim.net           | USER       | 2100000A%3A100 | -",
    })
    void parses(String value, String type, String client, String number) {
        PapAddress address = PapAddress.parse(value);
        assertEquals(value, address.value());
        assertEquals(type, address.type());
        assertEquals(client, address.clientAddress());
        assertEquals(number, address.phoneNumber().orElse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "+46701234567",
            "WAPPUSH=+46701234567",
            "TYPE=PLMN/WAPPUSH=+46701234567",
            "WAPPUSH=/TYPE=PLMN",
            "WAPPUSH=+46701234567/TYPE=",
            "WAPPUSH=+46701234567/TYPE=PLMN@",
            "WAPPUSH=+46701234567/TYPE=PLMN@-ppg",
            "WAPPUSH=+46701234567/TYPE=PLMN@ppg..com",
            "WAPPUSH=+46701234567/TYPE=PLMN/qualifier@ppg",
            "WAPPUSH=+46701234567/TYPE=PLMN/a=b=c",
            "WAPPUSH=john@example.com/TYPE=USER@ppg",
            "WAPPUSH=+4670 1234567/TYPE=PLMN",
    })
    void refuses(String value) {
        assertThrows(IllegalArgumentException.class, () -> PapAddress.parse(value));
    }
}
