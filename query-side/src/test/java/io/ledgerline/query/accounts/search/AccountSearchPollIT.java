package io.ledgerline.query.accounts.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.Money;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.listener.BatchListenerFailedException;

/** The accounts index takes a whole poll at once: one read and one bulk write, with duplicates and poison in it. */
class AccountSearchPollIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    AccountSearchProjection projection;

    @Autowired
    ElasticsearchClient client;

    @Test
    void appliesEveryEventOfAPollOnceHoweverOftenItIsDelivered() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.random();
        PolledRecords poll = new PolledRecords(json)
                .event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(keys.registered(owner, "Bulk Owner", "bulk@example.org"), "Customer", 0)
                .event(deposit(owner, account, "10.00", "10.00"), "Account", 1)
                .again(2)
                .event(deposit(owner, account, "15.00", "25.00"), "Account", 2)
                .again(0);

        projection.on(poll.poll());
        projection.on(poll.poll());

        GetResponse<AccountDocument> indexed = document(account);
        assertThat(indexed.version()).isEqualTo(3);
        assertThat(indexed.source().balance()).isEqualTo("25.00");
        assertThat(indexed.source().ownerName()).isEqualTo("Bulk Owner");
        assertThat(indexed.source().ownerEmail()).isEqualTo("bulk@example.org");
    }

    @Test
    void bringsAChangedCustomerToAccountsWrittenInEarlierPolls() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        projection.on(new PolledRecords(json)
                .event(keys.registered(owner, "Old Name", "old@example.org"), "Customer", 0)
                .event(new AccountOpened(first, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(new AccountOpened(second, owner, EUR, Money.zero(EUR)), "Account", 0)
                .poll());

        projection.on(new PolledRecords(json)
                .event(keys.detailsChanged(owner, "New Name", "new@example.org"), "Customer", 1)
                .event(deposit(owner, first, "3.00", "3.00"), "Account", 1)
                .poll());

        assertThat(document(first).source().ownerName()).isEqualTo("New Name");
        assertThat(document(second).source().ownerName()).isEqualTo("New Name");
        // an owner update keeps the account's version, which follows its own events only
        assertThat(document(second).version()).isEqualTo(1);
        assertThat(document(first).version()).isEqualTo(2);
    }

    @Test
    void writesTheRecordsBeforeAPoisonRecordAndNamesItToTheContainer() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId before = AccountId.random();
        AccountId neverOpened = AccountId.random();
        AccountId after = AccountId.random();
        PolledRecords poll = new PolledRecords(json)
                .event(new AccountOpened(before, owner, EUR, Money.zero(EUR)), "Account", 0)
                .event(deposit(owner, before, "10.00", "10.00"), "Account", 1)
                .event(deposit(owner, neverOpened, "1.00", "1.00"), "Account", 1)
                .event(new AccountOpened(after, owner, EUR, Money.zero(EUR)), "Account", 0);

        assertThatThrownBy(() -> projection.on(poll.poll()))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failed -> assertThat(failed.getRecord()).isSameAs(poll.get(2)));

        assertThat(document(before).source().balance()).isEqualTo("10.00");
        // the container delivers the records after the failed one again
        assertThat(document(after).found()).isFalse();
    }

    private GetResponse<AccountDocument> document(AccountId account) throws Exception {
        return client.get(g -> g.index(AccountSearchIndex.ALIAS).id(account.value()), AccountDocument.class);
    }

    private MoneyDeposited deposit(CustomerId owner, AccountId account, String amount, String balance) {
        return keys.deposited(account, owner, Money.of(amount, "EUR"), Money.of(balance, "EUR"), "poll", null, null);
    }
}
