package io.ledgerline.support.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Nested
    class PlainText {

        @Test
        void acceptsEveryScriptEmojiAndWhatLooksLikeQuerySyntax() {
            for (String text : new String[] {"Ada Lovelace", "Zoë Ñúñez", "李小龍", "محمد", "👩🏽‍💻 Ada", "🏳️‍🌈",
                    "' OR 1=1 --", "*:*", "{\"query\":{\"match_all\":{}}}", "<script>alert(1)</script>", "../../etc/passwd",
                    "\u200Bhidden", "می\u200Cخواهم", ""}) {
                assertThat(TextRules.isPlain(text, true)).as(text).isTrue();
            }
        }

        @Test
        void refusesControlCharactersUnpairedSurrogatesNoncharactersAndDirectionalOverrides() {
            for (String text : new String[] {"a\u0000b", "line\nbreak", "tab\there", "bell\u0007", "del\u007F", "c1\u0085",
                    "\uD800", "x\uDC00y", "\uD83D", "\uFFFE", "\uFDD0", "\uDBFF\uDFFF", "broken\uFFFD", "evil\u202Egnp.exe", "\u2066isolate\u2069"}) {
                assertThat(TextRules.isPlain(text, true)).as(escaped(text)).isFalse();
            }
        }

        @Test
        void refusesInvisibleCharactersWhereTheyAreNotWanted() {
            for (String text : new String[] {"ada\u200B@example.org", "ada\u00AD@example.org", "\uFEFFada@example.org",
                    "ada\u200D@example.org"}) {
                assertThat(TextRules.isPlain(text, true)).as(escaped(text)).isTrue();
                assertThat(TextRules.isPlain(text, false)).as(escaped(text)).isFalse();
            }
            assertThat(TextRules.isPlain("ada@exämple.org", false)).isTrue();
        }
    }

    @Test
    void anIdIsOneToAHundredLettersDigitsOrPunctuationOfTokens() {
        assertThat(TextRules.isWellFormedId("4f7d2c1e-8a0b-4c55-9d1e-3b2a6f0c9e11")).isTrue();
        assertThat(TextRules.isWellFormedId("tr-1.2:3_4")).isTrue();
        assertThat(TextRules.isWellFormedId("x".repeat(100))).isTrue();
        for (String id : new String[] {"", " ", "x".repeat(101), "../etc", "a b", "a\u0000", "' OR 1=1 --", "*", "é",
                "a/b", "a%00"}) {
            assertThat(TextRules.isWellFormedId(id)).as(escaped(id)).isFalse();
        }
        assertThat(TextRules.isWellFormedId(null)).isFalse();
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
