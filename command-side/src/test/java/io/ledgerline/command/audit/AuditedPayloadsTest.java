package io.ledgerline.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.command.account.AccountOwners;
import io.ledgerline.command.customer.InMemoryCustomerDirectory;
import io.ledgerline.command.customer.InMemoryPersonalDataVault;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferId;
import io.ledgerline.events.TransferRequested;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit log shows each event's personal data opened, under the field names the event carries, and never a seal. */
class AuditedPayloadsTest {

    private static final CustomerId OWNER = CustomerId.of("cust-owner");
    private static final AccountId ACCOUNT = AccountId.of("acc-owned");
    private static final Money TEN = Money.of("10", "EUR");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final InMemoryPersonalDataVault vault = new InMemoryPersonalDataVault();
    private final AuditedPayloads payloads = new AuditedPayloads(json, new AuditedPersonalData(vault.opener(),
            new InMemoryCustomerDirectory().active(OWNER), (AccountOwners) account -> Optional.of(OWNER)));

    private PersonalData sealed(PersonalDataField field, String text) {
        return vault.seal(OWNER, field, text);
    }

    @Test
    void opensTheNameAndEmailOfARegistration() {
        JsonNode shown = payloads.of(new CustomerRegistered(OWNER, sealed(PersonalDataField.NAME, "Ada Lovelace"),
                sealed(PersonalDataField.EMAIL, "ada@example.org")));

        assertThat(shown.get("customerId").asText()).isEqualTo(OWNER.value());
        assertThat(shown.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(shown.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(shown.toString()).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void opensTheNameAndEmailOfAChangeOfDetails() {
        JsonNode shown = payloads.of(new CustomerDetailsChanged(OWNER, sealed(PersonalDataField.NAME, "Ada King"),
                sealed(PersonalDataField.EMAIL, "king@example.org")));

        assertThat(shown.get("name").asText()).isEqualTo("Ada King");
        assertThat(shown.get("email").asText()).isEqualTo("king@example.org");
        assertThat(shown.toString()).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void opensTheTextOfADeposit() {
        JsonNode shown = payloads.of(new MoneyDeposited(ACCOUNT, OWNER, TEN, TEN,
                sealed(PersonalDataField.DESCRIPTION, "salary"), sealed(PersonalDataField.REFERENCE, "INV-7"),
                sealed(PersonalDataField.EXTERNAL_REFERENCE, "e2e-1")));

        assertThat(shown.get("description").asText()).isEqualTo("salary");
        assertThat(shown.get("reference").asText()).isEqualTo("INV-7");
        assertThat(shown.get("externalReference").asText()).isEqualTo("e2e-1");
        assertThat(shown.get("accountId").asText()).isEqualTo(ACCOUNT.value());
        assertThat(shown.toString()).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void opensTheTextOfAWithdrawalAndShowsAbsentTextAsNull() {
        JsonNode shown = payloads.of(new MoneyWithdrawn(ACCOUNT, OWNER, TEN, Money.of("0", "EUR"),
                sealed(PersonalDataField.DESCRIPTION, "cash"), null));

        assertThat(shown.get("description").asText()).isEqualTo("cash");
        assertThat(shown.get("externalReference").isNull()).isTrue();
        assertThat(shown.toString()).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void opensTheTextOfATransferRequestUnderThePayersKey() {
        JsonNode shown = payloads.of(new TransferRequested(TransferId.of("tr-1"), ACCOUNT, AccountId.of("acc-payee"),
                TEN, OWNER, sealed(PersonalDataField.DESCRIPTION, "rent share"),
                sealed(PersonalDataField.REFERENCE, "FLAT-3")));

        assertThat(shown.get("description").asText()).isEqualTo("rent share");
        assertThat(shown.get("reference").asText()).isEqualTo("FLAT-3");
        assertThat(shown.toString()).doesNotContain(PersonalData.SEALED_PREFIX);
    }

    @Test
    void showsAnEventWithoutPersonalDataAsStored() {
        AccountOpened opened = new AccountOpened(ACCOUNT, OWNER, Currency.getInstance("EUR"), Money.of("0", "EUR"));

        assertThat(payloads.of(opened)).isEqualTo(json.valueToTree(opened));
    }
}
