package io.ledgerline.support.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferRequested;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextBeforeSealingTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void concernsOnlyTheRevisionsBeforeSealing() {
        assertThat(TextBeforeSealing.concerns("MoneyDeposited", "3")).isTrue();
        assertThat(TextBeforeSealing.concerns("MoneyDeposited", null)).isTrue();
        assertThat(TextBeforeSealing.concerns("MoneyDeposited", "4")).isFalse();
        assertThat(TextBeforeSealing.concerns("MoneyWithdrawn", "2")).isTrue();
        assertThat(TextBeforeSealing.concerns("MoneyWithdrawn", "3")).isFalse();
        assertThat(TextBeforeSealing.concerns("TransferRequested", "1")).isTrue();
        assertThat(TextBeforeSealing.concerns("TransferRequested", "2")).isFalse();
        assertThat(TextBeforeSealing.concerns("CustomerRegistered", "1")).isTrue();
        assertThat(TextBeforeSealing.concerns("CustomerRegistered", "2")).isFalse();
        assertThat(TextBeforeSealing.concerns("AccountOpened", "1")).isFalse();
        assertThat(TextBeforeSealing.sealedRevision("MoneyDeposited")).isEqualTo("4");
    }

    @Test
    void readsADepositOfRevisionOneAsUnsealedTextWithNoOwner() throws Exception {
        JsonNode stored = json.readTree("""
                {"accountId": "acc-1", "amount": {"amount": "12.50", "currency": "EUR"},
                 "balance": {"amount": "112.50", "currency": "EUR"}, "description": "Salary"}""");

        MoneyDeposited deposited = json.treeToValue(
                TextBeforeSealing.markUnsealed("MoneyDeposited", stored, key -> null), MoneyDeposited.class);

        assertThat(deposited.customerId()).isNull();
        assertThat(deposited.description()).isEqualTo(PersonalData.unsealed("Salary"));
        assertThat(deposited.reference()).isNull();
        assertThat(deposited.externalReference()).isNull();
    }

    @Test
    void readsEmptyTextAsNone() throws Exception {
        JsonNode stored = json.readTree("""
                {"accountId": "acc-1", "amount": {"amount": "20.00", "currency": "EUR"},
                 "balance": {"amount": "-7.50", "currency": "EUR"}, "description": "",
                 "externalReference": "ATM-0042-118"}""");

        MoneyWithdrawn withdrawn = json.treeToValue(
                TextBeforeSealing.markUnsealed("MoneyWithdrawn", stored, key -> null), MoneyWithdrawn.class);

        assertThat(withdrawn.description()).isNull();
        assertThat(withdrawn.externalReference()).isEqualTo(PersonalData.unsealed("ATM-0042-118"));
    }

    @Test
    void takesTheDescriptionOfATransferOfRevisionOneFromItsMetadata() throws Exception {
        String stored = """
                {"transferId": "tr-1", "sourceAccountId": "acc-1", "destinationAccountId": "acc-2",
                 "amount": {"amount": "30.00", "currency": "EUR"}}""";
        Map<String, String> metadata = Map.of(TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA, "rent share");

        TransferRequested described = json.treeToValue(TextBeforeSealing.markUnsealed("TransferRequested",
                json.readTree(stored), metadata::get), TransferRequested.class);
        TransferRequested undescribed = json.treeToValue(TextBeforeSealing.markUnsealed("TransferRequested",
                json.readTree(stored), key -> null), TransferRequested.class);

        assertThat(described.description()).isEqualTo(PersonalData.unsealed("rent share"));
        assertThat(described.reference()).isNull();
        assertThat(described.payerCustomerId()).isNull();
        assertThat(undescribed.description()).isNull();
    }

    @Test
    void readsACustomerOfRevisionOneAsUnsealed() throws Exception {
        JsonNode stored = json.readTree("""
                {"customerId": "cust-1", "name": "Ada Lovelace", "email": "ada@example.org"}""");

        CustomerRegistered registered = json.treeToValue(
                TextBeforeSealing.markUnsealed("CustomerRegistered", stored, key -> null), CustomerRegistered.class);

        assertThat(registered.name()).isEqualTo(PersonalData.unsealed("Ada Lovelace"));
        assertThat(registered.email()).isEqualTo(PersonalData.unsealed("ada@example.org"));
    }
}
