package io.ledgerline.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.PersonalData;
import org.junit.jupiter.api.Test;

class JavadocTest {

    @Test
    void readsTheClassCommentOfARecordFromItsSource() {
        assertThat(Javadoc.of(AccountOpened.class).markdown())
                .isEqualTo("An account was opened for a customer, in one currency, with an overdraft limit (zero for none).");
    }

    @Test
    void turnsParagraphsAndInlineTagsIntoMarkdown() {
        String markdown = Javadoc.of(MoneyDeposited.class).markdown();

        assertThat(markdown).startsWith("Money was paid into an account; balance is the account's balance after the deposit.\n\n"
                + "The free text (`description`, `reference` the payer's reference,\n");
        assertThat(markdown).contains("sealed under that customer's key for its field (see\nPersonalData);")
                .contains("\n\nRevision 2 added `reference`, revision 3 `externalReference`")
                .doesNotContain("<p>", "{@", "*");
    }

    @Test
    void turnsHtmlListsIntoMarkdownLists() {
        String markdown = Javadoc.of(PersonalData.class).markdown();

        assertThat(markdown).contains("\n\n- `v2:` + base64 of IV, ciphertext and tag: sealed with AES-256-GCM under the customer's\n"
                + "  own key;")
                .contains("\n- `plain:` + the text:")
                .contains("field's\n  bound name.")
                .doesNotContain("<ul>", "<li>", "</li>", "</ul>");
    }

    @Test
    void summarisesByTheFirstSentence() {
        assertThat(Javadoc.of(MoneyDeposited.class).summary())
                .isEqualTo("Money was paid into an account; balance is the account's balance after the deposit.");
    }

    @Test
    void refusesATypeWithoutAClassComment() {
        assertThatThrownBy(() -> Javadoc.of(Uncommented.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Uncommented");
    }

    record Uncommented(String value) {
    }
}
