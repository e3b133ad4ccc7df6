package io.ledgerline.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.command.account.BookingTextRules;
import io.ledgerline.command.account.InvalidDescription;
import io.ledgerline.command.account.InvalidExternalReference;
import io.ledgerline.command.account.InvalidReference;
import io.ledgerline.command.customer.EmailAddresses;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The lengths the API document states are the rules' own: a text the document allows passes them. */
class ApiFormatsTest {

    @Test
    void statesTheBookingTextLengthsOfTheRules() {
        assertThat(BookingTextRules.description("d".repeat(ApiFormats.MAX_DESCRIPTION_LENGTH))).isNotNull();
        assertThatThrownBy(() -> BookingTextRules.description("d".repeat(ApiFormats.MAX_DESCRIPTION_LENGTH + 1)))
                .isInstanceOf(InvalidDescription.class);
        assertThat(BookingTextRules.reference("r".repeat(ApiFormats.MAX_REFERENCE_LENGTH))).isNotNull();
        assertThatThrownBy(() -> BookingTextRules.reference("r".repeat(ApiFormats.MAX_REFERENCE_LENGTH + 1)))
                .isInstanceOf(InvalidReference.class);
        assertThat(BookingTextRules.externalReference("e".repeat(ApiFormats.MAX_EXTERNAL_REFERENCE_LENGTH))).isNotNull();
        assertThatThrownBy(() -> BookingTextRules.externalReference(
                "e".repeat(ApiFormats.MAX_EXTERNAL_REFERENCE_LENGTH + 1))).isInstanceOf(InvalidExternalReference.class);
    }

    @Test
    void statesTheCustomersLengthsOfTheRules() throws Exception {
        assertThat(ApiFormats.MAX_EMAIL_LENGTH).isEqualTo(EmailAddresses.MAX_LENGTH);
        var nameLimit = Class.forName("io.ledgerline.command.customer.Customer").getDeclaredField("MAX_NAME_LENGTH");
        nameLimit.setAccessible(true);
        assertThat(ApiFormats.MAX_NAME_LENGTH).isEqualTo(nameLimit.getInt(null));
    }

    @Test
    void theOuterBoundOfATextLiesBeyondEveryRulesLength() {
        assertThat(BoundedText.MAX_LENGTH).isGreaterThan(ApiFormats.MAX_NAME_LENGTH)
                .isGreaterThan(ApiFormats.MAX_EMAIL_LENGTH).isGreaterThan(ApiFormats.MAX_DESCRIPTION_LENGTH);
    }

    @Test
    void theDocumentedShapesMatchWhatTheServiceWritesAndReads() {
        assertThat(Pattern.matches(ApiFormats.DECIMAL, "-12.50")).isTrue();
        assertThat(Pattern.matches(ApiFormats.DECIMAL, "1" + "0".repeat(30) + ".00")).isTrue();
        assertThat(Pattern.matches(ApiFormats.AMOUNT, "999999999999999.9999999999")).isTrue();
        assertThat(Pattern.matches(ApiFormats.AMOUNT, "1e3")).isFalse();
        assertThat("999999999999999.9999999999").hasSize(ApiFormats.MAX_AMOUNT_LENGTH);
        assertThat(Pattern.matches(ApiFormats.PLAIN_TEXT, "Miete März 🏠")).isTrue();
        assertThat(Pattern.matches(ApiFormats.PLAIN_TEXT, "line\nbreak")).isFalse();
        assertThat(Pattern.matches(ApiFormats.ID, "4f7d2c1e-8a0b-4c55-9d1e-3b2a6f0c9e11")).isTrue();
    }
}
