package io.ledgerline.query.accounts.search;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.Money;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.search.SearchWrites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two query nodes: one gives an account its owner's name while the other projects that owner's
 * erasure. The first node read the owner before the erasure reached the index and writes after the
 * erasure was applied to it; on the real Elasticsearch server the account must not keep the name.
 */
class AccountOwnerSearchErasureRaceIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    AccountSearchProjection projection;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    SearchWrites writes;
    @Autowired
    AccountSearchIndex accounts;
    @Autowired
    CustomerSearchIndex customers;

    @Test
    void anOwnerReadBeforeTheErasureIsNotWrittenIntoTheAccountAfterIt() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        projection.on(new PolledRecords(json).event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)
                .poll());
        // the owner as its registration left it, before the other node copied it into the account
        client.index(i -> i.index(customers.target()).id(owner.value()).versionType(VersionType.External).version(1L)
                .document(new CustomerDocument(owner.value(), "Erin Race", "erin.race@example.org", false)));

        PausedAfterReadingCustomers otherNode = new PausedAfterReadingCustomers(client, accounts, customers);
        AccountOwnerCopies otherNodesOwners = new AccountOwnerCopies(client, writes, otherNode, accounts);
        CompletableFuture<Void> copying = CompletableFuture.runAsync(() -> {
            try {
                otherNodesOwners.reconcile(account.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(otherNode.read.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(otherNode.firstAnswer.get(owner.value()).document().name()).isEqualTo("Erin Race");

        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());
        otherNode.go.countDown();
        copying.get(30, TimeUnit.SECONDS);

        AccountDocument indexed = client.get(g -> g.index(accounts.target()).id(account.value()), AccountDocument.class)
                .source();
        assertThat(indexed.ownerName()).as(indexed.toString()).isNull();
        assertThat(indexed.ownerEmail()).isNull();
    }

    /** Reads customers like any node, and holds its first answer until told to go on. */
    private static final class PausedAfterReadingCustomers extends StoredDocuments {

        final CountDownLatch read = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        private final AtomicBoolean paused = new AtomicBoolean();
        volatile Map<String, Versioned<CustomerDocument>> firstAnswer;

        PausedAfterReadingCustomers(ElasticsearchClient client, AccountSearchIndex accounts,
                CustomerSearchIndex customers) {
            super(client, accounts, customers);
        }

        @Override
        public Map<String, Versioned<CustomerDocument>> customers(Collection<String> customerIds) throws IOException {
            Map<String, Versioned<CustomerDocument>> found = super.customers(customerIds);
            if (paused.compareAndSet(false, true)) {
                firstAnswer = found;
                read.countDown();
                try {
                    go.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            return found;
        }
    }
}
