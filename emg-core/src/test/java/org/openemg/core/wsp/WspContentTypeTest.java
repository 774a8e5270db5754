package org.openemg.core.wsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openemg.core.mime.MediaType;
import org.openemg.core.mime.MimeException;

/** Content-Type encodings: PAP-WAP.md 3.1's well-known codes, the general form with parameters. */
class WspContentTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "application/vnd.wap.wmlc                      | 94",
            "application/vnd.wap.wbxml                     | a9",
            "text/vnd.wap.si                               | ad",
            "application/vnd.wap.sic                       | ae",
            "text/vnd.wap.sl                               | af",
            "application/vnd.wap.slc                       | b0",
            "text/vnd.wap.co                               | b1",
            "application/vnd.wap.coc                       | b2",
            "application/vnd.wap.multipart.related         | b3",
            "application/vnd.wap.sia                       | b4",
            "application/vnd.wap.connectivity-wbxml        | b6",
            "application/vnd.wap.mms-message               | be",
            "application/vnd.syncml.notification           | c4",
            "Application/VND.WAP.SIC                       | ae",
            "application/vnd.wap.emn+wbxml                 | 0302030a",
            "application/vnd.wap.sic; charset=utf-8        | 03ae81ea",
            "application/vnd.wap.sic; charset=\"UTF-8\"    | 03ae81ea",
            "application/vnd.wap.sic; charset=us-ascii     | 03ae8183",
            "application/vnd.wap.sic; charset=iso-8859-1   | 03ae8184",
            "application/vnd.wap.sic; charset=utf-16       | 05ae810203f7",
            "application/x-foo                             | 6170706c69636174696f6e2f782d666f6f00",
            "application/x-foo; a=b                        | 166170706c69636174696f6e2f782d666f6f0061006200",
            "application/vnd.wap.sic; charset=koi8-r       | 10ae63686172736574006b6f69382d7200",
            "application/vnd.wap.sic; name=\"a b\"         | 0bae6e616d650022612062 00",
            "application/vnd.wap.sic; level=\"\"           | 08ae6c6576656c0000",
    })
    void encodes(String contentType, String hex) throws MimeException {
        WspWriter out = new WspWriter();
        WspContentType.write(MediaType.parse(contentType), out);
        assertEquals(hex.replace(" ", ""), HexFormat.of().formatHex(out.toBytes()));
    }
}
