package io.ledgerline.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header checks, without a regular expression, must allow and refuse exactly what Spring Security's do. */
class HeaderCharactersTest {

    /** StrictHttpFirewall's patterns (Spring Security 6.5). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void judgesEveryCodePointAsTheFirewallsPatternsDo() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String one = new String(Character.toChars(codePoint));
            String inText = "Bearer a" + one + "b";
            assertThat(HeaderCharacters.isAllowedName(one)).as("name U+%04X", codePoint).isEqualTo(NAME.matcher(one).matches());
            assertThat(HeaderCharacters.isAllowedValue(one)).as("value U+%04X", codePoint).isEqualTo(VALUE.matcher(one).matches());
            assertThat(HeaderCharacters.isAllowedValue(inText)).as("value with U+%04X", codePoint)
                    .isEqualTo(VALUE.matcher(inText).matches());
        }
    }

    @Test
    void judgesTokensSurrogatesAndControlCharactersAsTheFirewallsPatternsDo() {
        List<String> samples = List.of("", "Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln",
                "a\tb", "a\nb", "a\rb", "a\u0000b", "a\u007Fb", "a\u0085b", "\uD83D\uDE00", "x\uD83Dy", "\uDE00",
                "\uD83D", "caf\u00E9", "a\u2028b", "a\u2029b", "\uFFFF", "\uE000", "\uDB80\uDC00");
        for (String sample : samples) {
            assertThat(HeaderCharacters.isAllowedName(sample)).as("name %s", sample).isEqualTo(NAME.matcher(sample).matches());
            assertThat(HeaderCharacters.isAllowedValue(sample)).as("value %s", sample).isEqualTo(VALUE.matcher(sample).matches());
        }
    }
}
