package io.ledgerline.query.customers;

import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.projection.OwnersToLock;
import io.ledgerline.query.projection.SqlProjector;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code customer_view} and the owner name on the customer's accounts. Accounts may be
 * projected before their customer: the name is filled in whenever the customer arrives, and an
 * erased customer's name disappears from both. Sealed names and emails are opened as they are
 * written; once the customer's key is deleted they project as the erasure mask, in a rebuild too.
 *
 * <p>Every event here writes its customer's row, and the names on the customer's accounts, under
 * the customer's owner lock, which the transaction took before its first event ({@link #owners}):
 * an account opened on another node meanwhile waits for this, or this for it (see OwnerLocks).
 */
@Component
class CustomerProjection implements SqlProjector {

    private final JdbcClient jdbc;
    private final PersonalDataOpener opener;

    CustomerProjection(JdbcClient jdbc, PersonalDataOpener opener) {
        this.jdbc = jdbc;
        this.opener = opener;
    }

    @Override
    public void project(ReceivedEvent event) {
        if (event.payload() instanceof CustomerRegistered registered) {
            register(registered, event);
        } else if (event.payload() instanceof CustomerDetailsChanged changed) {
            NameAndEmail details = opener.open(changed.customerId(), changed.name(), changed.email());
            details(details.name(), details.email(), "ACTIVE", event);
        } else if (event.payload() instanceof CustomerErased) {
            details(null, null, "ERASED", event);
        }
    }

    @Override
    public void owners(ReceivedEvent event, OwnersToLock owners) {
        if (event.payload() instanceof CustomerRegistered registered) {
            owners.exclusive(registered.customerId().value());
        } else if (event.payload() instanceof CustomerDetailsChanged || event.payload() instanceof CustomerErased) {
            owners.exclusive(event.aggregateId());
        }
    }

    private void register(CustomerRegistered registered, ReceivedEvent event) {
        NameAndEmail details = opener.open(registered.customerId(), registered.name(), registered.email());
        int inserted = jdbc.sql("""
                INSERT INTO customer_view (customer_id, name, email, status, version, registered_at, updated_at)
                VALUES (:customerId, :name, :email, 'ACTIVE', :version, :at, :at)
                ON CONFLICT (customer_id) DO NOTHING
                """)
                .param("customerId", registered.customerId().value())
                .param("name", details.name())
                .param("email", details.email())
                .param("version", event.sequence())
                .param("at", Timestamp.from(event.timestamp()))
                .update();
        if (inserted == 1) {
            nameAccounts(registered.customerId().value(), details.name());
        }
    }

    private void details(String name, String email, String status, ReceivedEvent event) {
        int updated = jdbc.sql("""
                UPDATE customer_view SET name = :name, email = :email, status = :status, version = :version,
                                         updated_at = :at
                WHERE customer_id = :customerId AND version < :version
                """)
                .param("customerId", event.aggregateId())
                .param("name", name)
                .param("email", email)
                .param("status", status)
                .param("version", event.sequence())
                .param("at", Timestamp.from(event.timestamp()))
                .update();
        if (updated == 1) {
            nameAccounts(event.aggregateId(), name);
        }
    }

    private void nameAccounts(String customerId, String name) {
        jdbc.sql("UPDATE account_view SET owner_name = :name WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .param("name", name)
                .update();
    }
}
