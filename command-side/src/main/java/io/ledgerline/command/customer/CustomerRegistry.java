package io.ledgerline.command.customer;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalDataField;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The command side's table of customers and their email addresses. A subscribing processor writes
 * it in the transaction that appends the event, so a second customer with a taken address fails on
 * the unique constraint and the append rolls back with it.
 */
@Component
@ProcessingGroup(CustomerRegistry.PROCESSING_GROUP)
class CustomerRegistry implements CustomerDirectory {

    static final String PROCESSING_GROUP = "customer-registry";

    private final JdbcTemplate jdbc;
    private final PersonalDataVault vault;

    CustomerRegistry(JdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public CustomerStanding standingOf(CustomerId customerId) {
        return jdbc.query("SELECT erased FROM customer_registry WHERE customer_id = ?",
                        (row, index) -> row.getBoolean("erased"), customerId.value())
                .stream().findFirst()
                .map(erased -> erased ? CustomerStanding.ERASED : CustomerStanding.ACTIVE)
                .orElse(CustomerStanding.UNKNOWN);
    }

    @Override
    public boolean isEmailTaken(String email, CustomerId except) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM customer_registry WHERE email = ? AND customer_id <> ?", Integer.class,
                EmailAddresses.normalized(email), except == null ? "" : except.value());
        return count != null && count > 0;
    }

    /** The key was created earlier in this same transaction, so the sealed email opens here. */
    @EventHandler
    void on(CustomerRegistered event) {
        String email = vault.open(event.customerId(), PersonalDataField.EMAIL, event.email());
        try {
            jdbc.update("INSERT INTO customer_registry (customer_id, email, erased) VALUES (?, ?, false)",
                    event.customerId().value(), EmailAddresses.normalized(email));
        } catch (DuplicateKeyException taken) {
            throw new DuplicateEmail(email);
        }
    }

    @EventHandler
    void on(CustomerDetailsChanged event) {
        String email = vault.open(event.customerId(), PersonalDataField.EMAIL, event.email());
        try {
            jdbc.update("UPDATE customer_registry SET email = ? WHERE customer_id = ?",
                    EmailAddresses.normalized(email), event.customerId().value());
        } catch (DuplicateKeyException taken) {
            throw new DuplicateEmail(email);
        }
    }

    /** The address is dropped, not masked: it is freed for others and the table keeps nothing of it. */
    @EventHandler
    void on(CustomerErased event) {
        jdbc.update("UPDATE customer_registry SET email = NULL, erased = true WHERE customer_id = ?",
                event.customerId().value());
    }
}
