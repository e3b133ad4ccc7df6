package io.ledgerline.command.infrastructure.eventstore;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Statement;
import java.time.Duration;
import org.hibernate.Session;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The command side's transaction manager: every transaction it begins is ended by PostgreSQL
 * (its {@code transaction_timeout}, PostgreSQL 17 and later) once it has been open for the bound,
 * whatever holds it open: a slow request, a saga batch, a wait for a lock or for Kafka.
 *
 * <p>The bound is set as the transaction's first statement, before any command handler runs, so it
 * covers the creation of every event the transaction appends as well as its commit: the event
 * store's gap timeout relies on both (see {@link EventStoreProperties}). A bound kept by the
 * application instead would not hold through a paused or stuck thread; the database's does. Every
 * transaction of the command side runs through here: REST commands with their idempotency keys,
 * Axon's units of work (command handling, the saga and the publisher's batches, deadlines), the
 * republisher's reads.
 */
class BoundedJpaTransactionManager extends JpaTransactionManager {

    private final String boundStatement;

    BoundedJpaTransactionManager(EntityManagerFactory entityManagerFactory, Duration bound) {
        super(entityManagerFactory);
        this.boundStatement = "SET LOCAL transaction_timeout = " + bound.toMillis();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        EntityManager entityManager = ((EntityManagerHolder) TransactionSynchronizationManager
                .getResource(obtainEntityManagerFactory())).getEntityManager();
        try {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(boundStatement);
                }
            });
        } catch (RuntimeException failed) {
            // begun but never handed out, so nobody else rolls it back or unbinds it from this thread,
            // which would otherwise keep the broken connection for every later transaction
            try {
                entityManager.getTransaction().rollback();
            } catch (RuntimeException rollbackFailed) {
                failed.addSuppressed(rollbackFailed);
            } finally {
                doCleanupAfterCompletion(transaction);
            }
            throw new CannotCreateTransactionException("Could not bound the transaction's duration", failed);
        }
    }
}
