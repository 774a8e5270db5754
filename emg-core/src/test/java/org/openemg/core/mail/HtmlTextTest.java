package org.openemg.core.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HtmlTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<b>bold</b> and <i>italic</i>                         | bold and italic",
            "one<br>two<br/>three                                  | one\\ntwo\\nthree",
            "<p>first</p><p>second</p>                             | first\\nsecond",
            "<script>alert('x')</script>visible<style>a{}</style>  | visible",
            "<!-- hidden -->shown                                  | shown",
            "5 &lt; 6 &amp;&amp; 7 &gt; 3                           | 5 < 6 && 7 > 3",
            "&#65;&#x42;&#x1F600; &unknown;                        | AB\uD83D\uDE00 &unknown;",
            "spaced     out\t\ttext                                | spaced out text",
            "<head><title>T</title></head><body>Body</body>        | Body"})
    void htmlIsReducedToWhatAReaderSees(String html, String text) {
        assertEquals(text.replace("\\n", "\n"), HtmlText.of(html));
    }
}
