package io.ledgerline.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import io.ledgerline.support.personaldata.PersonalDataOpener.FieldValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditedPersonalDataTest {

    private static final CustomerId OWNER = CustomerId.of("cust-owner");
    private static final AccountId ACCOUNT = AccountId.of("acc-owned");
    private static final AccountId ACCOUNT_WITHOUT_OWNER = AccountId.of("acc-unregistered");
    private static final String ERASED = PersonalDataOpener.ERASED;

    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private final InMemoryCustomerDirectory customers = new InMemoryCustomerDirectory().active(OWNER);
    private final Map<AccountId, CustomerId> accountOwners = Map.of(ACCOUNT, OWNER);
    private final AuditedPersonalData personalData = new AuditedPersonalData(vault.opener(), customers,
            (AccountOwners) account -> Optional.ofNullable(accountOwners.get(account)));

    private FieldValue description(PersonalData value) {
        return new FieldValue(PersonalDataField.DESCRIPTION, value);
    }

    private FieldValue reference(PersonalData value) {
        return new FieldValue(PersonalDataField.REFERENCE, value);
    }

    private PersonalData sealedDescription(String text) {
        return vault.seal(OWNER, PersonalDataField.DESCRIPTION, text);
    }

    @Nested
    class TextOfABooking {

        @Test
        void opensSealedTextWhileTheOwnersKeyExistsAndKeepsAbsentTextAbsent() {
            assertThat(personalData.openText(OWNER, ACCOUNT,
                    List.of(description(sealedDescription("rent March")), reference(null))))
                    .containsExactly("rent March", null);
        }

        @Test
        void masksSealedTextOnceTheOwnersKeyIsGone() {
            PersonalData sealed = sealedDescription("rent March");
            vault.shred(OWNER);

            assertThat(personalData.openText(OWNER, ACCOUNT, List.of(description(sealed), reference(null))))
                    .containsExactly(ERASED, null);
        }

        @Test
        void showsTextStoredBeforeSealingAsItIsWhileTheOwnerIsNotErased() {
            assertThat(personalData.openText(OWNER, ACCOUNT,
                    List.of(description(PersonalData.unsealed("rent March")), reference(null))))
                    .containsExactly("rent March", null);
        }

        @Test
        void masksTextStoredBeforeSealingOnceTheOwnerIsErased() {
            customers.erased(OWNER);

            assertThat(personalData.openText(OWNER, ACCOUNT,
                    List.of(description(PersonalData.unsealed("rent March")), reference(null))))
                    .containsExactly(ERASED, null);
        }

        @Test
        void masksTextOfAnEventThatNamedNoOwnerOnceTheAccountsOwnerIsErased() {
            customers.erased(OWNER);

            assertThat(personalData.openText(null, ACCOUNT,
                    List.of(description(PersonalData.unsealed("rent March")), reference(PersonalData.unsealed("INV-7")))))
                    .containsExactly(ERASED, ERASED);
        }

        @Test
        void showsTextOfAnEventThatNamedNoOwnerWhileTheAccountsOwnerIsNotErased() {
            assertThat(personalData.openText(null, ACCOUNT,
                    List.of(description(PersonalData.unsealed("rent March")))))
                    .containsExactly("rent March");
        }

        @Test
        void showsTextOfAnEventThatNamedNoOwnerWhenTheAccountHasNoKnownOwner() {
            assertThat(personalData.openText(null, ACCOUNT_WITHOUT_OWNER,
                    List.of(description(PersonalData.unsealed("rent March")))))
                    .containsExactly("rent March");
        }

        @Test
        void answersAnAbsentTextForEachFieldWhenNoneWasGiven() {
            assertThat(personalData.openText(OWNER, ACCOUNT, List.of(description(null), reference(null))))
                    .isEqualTo(Arrays.asList(null, null));
        }
    }

    @Nested
    class NameAndEmailOfACustomer {

        @Test
        void opensSealedDetailsWhileTheKeyExists() {
            assertThat(personalData.open(OWNER, vault.seal(OWNER, PersonalDataField.NAME, "Ada Lovelace"),
                    vault.seal(OWNER, PersonalDataField.EMAIL, "ada@example.org")))
                    .isEqualTo(new NameAndEmail("Ada Lovelace", "ada@example.org"));
        }

        @Test
        void masksANameStoredBeforeSealingOnceTheCustomerIsErased() {
            PersonalData sealedEmail = vault.seal(OWNER, PersonalDataField.EMAIL, "ada@example.org");
            customers.erased(OWNER);

            assertThat(personalData.open(OWNER, PersonalData.unsealed("Ada Lovelace"), sealedEmail))
                    .isEqualTo(NameAndEmail.ERASED);
        }

        @Test
        void masksAnEmailStoredBeforeSealingOnceTheCustomerIsErased() {
            PersonalData sealedName = vault.seal(OWNER, PersonalDataField.NAME, "Ada Lovelace");
            customers.erased(OWNER);

            assertThat(personalData.open(OWNER, sealedName, PersonalData.unsealed("ada@example.org")))
                    .isEqualTo(NameAndEmail.ERASED);
        }
    }
}
