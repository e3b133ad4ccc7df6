package io.ledgerline.command.infrastructure.aggregatecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class CommittedStateCacheTest {

    private final BoundedCache committed = new BoundedCache(10);
    private final CommittedStateCache cache = new CommittedStateCache(committed);

    @Nested
    class OutsideATransaction {

        @Test
        void storesAndAnswersAsAPlainCache() {
            cache.put("account", "v1");

            assertThat(cache.<String, String>get("account")).isEqualTo("v1");
            assertThat(cache.<String, String>get("account")).as("not taken out").isEqualTo("v1");
            assertThat(cache.remove("account")).isTrue();
            assertThat(committed.containsKey("account")).isFalse();
        }
    }

    @Nested
    class InATransactionThatCommits {

        @Test
        void anEntryTakenIsOutOfTheCacheUntilTheTransactionCommitsWhatWasPutBack() {
            committed.put("account", "v1");

            transaction(false).executeWithoutResult(status -> {
                assertThat(cache.<String, String>get("account")).isEqualTo("v1");
                assertThat(committed.containsKey("account")).as("other commands load from the store").isFalse();
                cache.put("account", "v2");
                assertThat(committed.containsKey("account")).as("not committed yet").isFalse();
                assertThat(cache.<String, String>get("account")).as("the transaction sees its own state").isEqualTo("v2");
            });

            assertThat(committed.<String, String>get("account")).isEqualTo("v2");
        }

        @Test
        void aRemovalCancelsWhatTheTransactionPutBefore() {
            transaction(false).executeWithoutResult(status -> {
                cache.put("account", "v2");
                cache.remove("account");
            });

            assertThat(committed.containsKey("account")).isFalse();
        }
    }

    @Nested
    class InATransactionThatDoesNotCommit {

        @Test
        void stateOfARolledBackTransactionNeverEntersTheCache() {
            committed.put("account", "v1");

            assertThatThrownBy(() -> transaction(false).executeWithoutResult(status -> {
                cache.get("account");
                cache.put("account", "v2-never-stored");
                throw new IllegalStateException("refused");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(committed.containsKey("account")).isFalse();
        }

        @Test
        void stateOfATransactionWhoseCommitFailedNeverEntersTheCache() {
            committed.put("account", "v1");

            assertThatThrownBy(() -> transaction(true).executeWithoutResult(status -> {
                cache.get("account");
                cache.put("account", "v2-never-stored");
            })).isInstanceOf(TransactionSystemException.class);

            assertThat(committed.containsKey("account")).isFalse();
        }
    }

    private static TransactionTemplate transaction(boolean commitFails) {
        return new TransactionTemplate(new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
                if (commitFails) {
                    throw new TransactionSystemException("The commit failed");
                }
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
            }
        });
    }
}
