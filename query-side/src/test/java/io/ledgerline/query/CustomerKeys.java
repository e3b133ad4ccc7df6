package io.ledgerline.query;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
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
 * events sealed under them as the command side seals them.
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
        return new CustomerRegistered(customerId, seal(customerId, name), seal(customerId, email));
    }

    public CustomerDetailsChanged detailsChanged(CustomerId customerId, String name, String email) {
        return new CustomerDetailsChanged(customerId, seal(customerId, name), seal(customerId, email));
    }

    /** Seals under the customer's key, creating it first as the command side does with a customer's first event. */
    public PersonalData seal(CustomerId customerId, String text) {
        byte[] key = keys.keyOf(customerId).orElseGet(() -> {
            keys.insertIfMissing(customerId, cipher.newKey(), Instant.parse("2026-03-01T09:00:00Z"));
            return keys.keyOf(customerId).orElseThrow();
        });
        return cipher.seal(key, customerId, text);
    }

    /** What an erasure does to the key table. */
    public void shred(CustomerId customerId) {
        jdbc.update("DELETE FROM personal_data_keys WHERE customer_id = ?", customerId.value());
    }
}
