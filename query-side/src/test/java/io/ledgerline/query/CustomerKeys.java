package io.ledgerline.query;

import io.ledgerline.events.AccountId;
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
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.support.personaldata.AesKeyEncryptionKeys;
import io.ledgerline.support.personaldata.KeyEncryptionKeyProperties;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The command side's part in the query side's tests: customers' keys in the key table the query
 * side reads (the tests' key store, see src/test/resources/application.properties), and customer
 * events, bookings and transfer requests sealed under them as the command side seals them.
 */
public final class CustomerKeys {

    /** The tests' key-encryption key, as src/test/resources/application.properties gives it to the query side. */
    public static final KeyEncryptionKeyProperties TEST_KEK = new KeyEncryptionKeyProperties("target/personal-data-kek",
            null, null, null, true);

    private final JdbcTemplate jdbc;
    private final PersonalDataKeyTable keys;
    private final PersonalDataCipher cipher = new PersonalDataCipher();

    private CustomerKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.keys = new PersonalDataKeyTable(jdbc, AesKeyEncryptionKeys.from(TEST_KEK));
    }

    /** The key store the query side under test reads: the tests' query database. */
    public static CustomerKeys inTestKeyStore() {
        var stack = RealInfrastructureExtension.stack();
        return new CustomerKeys(new JdbcTemplate(new DriverManagerDataSource(stack.postgresJdbcUrl("ledgerline_query"),
                stack.postgresUser(), stack.postgresPassword())));
    }

    public CustomerRegistered registered(CustomerId customerId, String name, String email) {
        return new CustomerRegistered(customerId, seal(customerId, PersonalDataField.NAME, name),
                seal(customerId, PersonalDataField.EMAIL, email));
    }

    public CustomerDetailsChanged detailsChanged(CustomerId customerId, String name, String email) {
        return new CustomerDetailsChanged(customerId, seal(customerId, PersonalDataField.NAME, name),
                seal(customerId, PersonalDataField.EMAIL, email));
    }

    /** A deposit with its text sealed under the owner's key, as the command side books it; null text is none. */
    public MoneyDeposited deposited(AccountId account, CustomerId owner, Money amount, Money balance,
            String description, String reference, String externalReference) {
        return new MoneyDeposited(account, owner, amount, balance, seal(owner, PersonalDataField.DESCRIPTION, description),
                seal(owner, PersonalDataField.REFERENCE, reference),
                seal(owner, PersonalDataField.EXTERNAL_REFERENCE, externalReference));
    }

    /** A withdrawal with its text sealed under the owner's key; null text is none. */
    public MoneyWithdrawn withdrawn(AccountId account, CustomerId owner, Money amount, Money balance,
            String description, String externalReference) {
        return new MoneyWithdrawn(account, owner, amount, balance, seal(owner, PersonalDataField.DESCRIPTION, description),
                seal(owner, PersonalDataField.EXTERNAL_REFERENCE, externalReference));
    }

    /** A transfer request with its text sealed under the payer's key; null text is none. */
    public TransferRequested transferRequested(TransferId transfer, AccountId source, AccountId destination,
            Money amount, CustomerId payer, String description, String reference) {
        return new TransferRequested(transfer, source, destination, amount, payer,
                seal(payer, PersonalDataField.DESCRIPTION, description), seal(payer, PersonalDataField.REFERENCE, reference));
    }

    /**
     * Seals under the customer's key for the field, creating the key first as the command side does
     * with a customer's first event; no text (null) stays null.
     */
    public PersonalData seal(CustomerId customerId, PersonalDataField field, String text) {
        if (text == null) {
            return null;
        }
        byte[] key = keys.keyOf(customerId).orElseGet(() -> {
            keys.insertIfMissing(customerId, cipher.newKey(), Instant.parse("2026-03-01T09:00:00Z"));
            return keys.keyOf(customerId).orElseThrow();
        });
        return cipher.seal(key, customerId, field, text);
    }

    /** What an erasure does to the key table. */
    public void shred(CustomerId customerId) {
        jdbc.update("DELETE FROM personal_data_keys WHERE customer_id = ?", customerId.value());
    }
}
