package io.ledgerline.command.infrastructure.processing;

import jakarta.persistence.EntityManager;
import java.util.Set;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets one transaction at a time work on a saga, across all nodes: loading a saga locks its row in
 * {@code saga_entry} until the transaction that loaded it ends.
 *
 * <p>A saga is loaded in two places: by the saga's tracking processor, when it handles an event
 * (the node owning the segment), and by a durable deadline, on whichever node db-scheduler picked.
 * Axon's JPA store writes a saga back without a version, so without the lock a deadline that ran while
 * another node applied a step would act on the saga as it was before that step, and the last of the
 * two writes would win: a transfer failed for a timeout after its money moved. With the lock the
 * second transaction waits, then reads the saga as the first one left it.
 *
 * <p>A lock rather than an optimistic version: a version would make the loser roll back and retry,
 * which a deadline does only minutes later (db-scheduler's retry) and the processor only after its
 * back-off, while here it just waits for a step that takes milliseconds. Both callers run in a
 * transaction (the processor's unit of work and the deadline's), so the lock is held until the
 * saga's new state and the events of its commands are committed together.
 *
 * <p>The wait can close a cycle, rarely: a processor batch that already holds an account (Axon's lock
 * on this node, or an uncommitted event) waits for a saga whose deadline waits for that account.
 * Across nodes PostgreSQL's deadlock detection rolls one transaction back whole, and it is retried
 * (the batch by the processor, the deadline by db-scheduler); on one node the deadline's command
 * gives up after Axon's lock timeout (60 s) and its step is retried at the next deadline. Either way
 * it costs time, never a half-applied step.
 */
final class RowLockingSagaStore implements SagaStore<Object> {

    private final SagaStore<Object> store;
    private final EntityManagerProvider entityManagers;

    RowLockingSagaStore(SagaStore<Object> store, EntityManagerProvider entityManagers) {
        this.store = store;
        this.entityManagers = entityManagers;
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        lock(sagaIdentifier);
        return store.loadSaga(sagaType, sagaIdentifier);
    }

    private void lock(String sagaIdentifier) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // a lock outside a transaction would be released at once and protect nothing
            throw new IllegalStateException("A saga is loaded outside a transaction: " + sagaIdentifier);
        }
        EntityManager entityManager = entityManagers.getEntityManager();
        entityManager.createNativeQuery("SELECT saga_id FROM saga_entry WHERE saga_id = :id FOR UPDATE")
                .setParameter("id", sagaIdentifier)
                .getResultList();
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return store.findSagas(sagaType, associationValue);
    }

    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        store.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga, Set<AssociationValue> associationValues) {
        store.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        store.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
    }
}
