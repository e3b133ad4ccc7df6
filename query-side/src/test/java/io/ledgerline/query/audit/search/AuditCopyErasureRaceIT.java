package io.ledgerline.query.audit.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.AccountOpened;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.Money;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.query.PolledRecords;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.query.search.SearchIndex;
import io.ledgerline.query.search.SearchReadModel;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two query nodes: one copies a deposit into the audit index with the text it opened while the
 * owner's key still existed, the other projects the owner's erasure before that copy is written.
 * On the real Elasticsearch server the copy must not keep the text.
 */
class AuditCopyErasureRaceIT extends QuerySideIT {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Autowired
    AuditSearchProjection projection;
    @Autowired
    AuditSearchIndex index;
    @Autowired
    SearchWrites writes;
    @Autowired
    PersonalDataKeys personalDataKeys;
    @Autowired
    ElasticsearchClient client;
    @Autowired
    BookingTextOwners holders;
    @Autowired
    List<SearchReadModel> searchReadModels;

    // whether an owner is erased is read from the customers index, which the accounts projection creates
    @BeforeEach
    void createTheIndices() {
        searchReadModels.forEach(model -> model.indices().forEach(SearchIndex::ensureExists));
    }

    @Test
    void aCopyOpenedBeforeTheErasureAndWrittenAfterItIsRedacted() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        keys.seal(owner, PersonalDataField.DESCRIPTION, "creates the key");
        AuditDocument opened = depositCopy(owner, "Salary Erin");

        keys.shred(owner);
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        // the other node's copy lands now, then it looks at the key again
        index.ensureExists();
        client.index(i -> i.index(index.target()).id(opened.eventId()).document(opened));
        AuditCopies otherNode = new AuditCopies(index, writes, personalDataKeys, holders);
        otherNode.add(owner.value(), opened);
        writes.writeAll(otherNode);

        AuditDocument indexed = client.get(g -> g.index(index.target()).id(opened.eventId()), AuditDocument.class)
                .source();
        assertThat(indexed.payload().path("description").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.payloadText()).doesNotContain("Salary Erin");
    }

    @Test
    void aCopyWrittenWhileItsOwnersKeyExistsKeepsItsText() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        keys.seal(owner, PersonalDataField.DESCRIPTION, "creates the key");
        AuditDocument opened = depositCopy(owner, "Rent");

        index.ensureExists();
        client.index(i -> i.index(index.target()).id(opened.eventId()).document(opened));
        AuditCopies copies = new AuditCopies(index, writes, personalDataKeys, holders);
        copies.add(owner.value(), opened);
        writes.writeAll(copies);

        AuditDocument indexed = client.get(g -> g.index(index.target()).id(opened.eventId()), AuditDocument.class)
                .source();
        assertThat(indexed.payload().path("description").asText()).isEqualTo("Rent");
    }

    /** Text stored before sealing has no key whose deletion could tell; the owner's erasure in the customers index does. */
    @Test
    void aCopyOfTextStoredBeforeSealingWrittenAfterItsOwnersErasureIsRedacted() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AuditDocument opened = depositCopy(owner, "Legacy Erin");

        ledger.erase(owner);
        await().atMost(Duration.ofSeconds(30)).until(() -> holders.isErased(owner.value()));
        projection.on(new PolledRecords(json).event(new CustomerErased(owner), "Customer", 1).poll());

        index.ensureExists();
        client.index(i -> i.index(index.target()).id(opened.eventId()).document(opened));
        AuditCopies otherNode = new AuditCopies(index, writes, personalDataKeys, holders);
        otherNode.addTextBeforeSealing(owner.value(), opened);
        writes.writeAll(otherNode);

        AuditDocument indexed = client.get(g -> g.index(index.target()).id(opened.eventId()), AuditDocument.class)
                .source();
        assertThat(indexed.payload().path("description").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.payloadText()).doesNotContain("Legacy Erin");
    }

    /** A customer from before sealing may have no key at all without being erased: their text stays. */
    @Test
    void aCopyOfTextStoredBeforeSealingOfAnOwnerWithoutAKeyKeepsItsText() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AuditDocument opened = depositCopy(owner, "Legacy Rent");

        index.ensureExists();
        client.index(i -> i.index(index.target()).id(opened.eventId()).document(opened));
        AuditCopies copies = new AuditCopies(index, writes, personalDataKeys, holders);
        copies.addTextBeforeSealing(owner.value(), opened);
        writes.writeAll(copies);

        AuditDocument indexed = client.get(g -> g.index(index.target()).id(opened.eventId()), AuditDocument.class)
                .source();
        assertThat(indexed.payload().path("description").asText()).isEqualTo("Legacy Rent");
    }

    @Test
    void anErasureRedactsTheTextThatAnEarlierEventOfTheSamePollWrote() throws Exception {
        CustomerId owner = CustomerId.of("cust-" + UUID.randomUUID());
        AccountId account = AccountId.of("acc-" + UUID.randomUUID());
        // text stored before sealing: no key protects it, only the redaction that the erasure searches for
        PolledRecords poll = new PolledRecords(json)
                .event(new AccountOpened(account, owner, EUR, Money.zero(EUR)), "Account", 0)
                .written(account.value(), "MoneyDeposited", "1", "Account", 1, "{\"accountId\":\"" + account.value()
                        + "\",\"amount\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},"
                        + "\"balance\":{\"amount\":\"12.50\",\"currency\":\"EUR\"},\"description\":\"Rent Erin\"}")
                .event(new CustomerErased(owner), "Customer", 1);

        projection.on(poll.poll());

        String depositId = new String(poll.get(1).headers().lastHeader(LedgerHeaders.EVENT_ID).value(),
                StandardCharsets.UTF_8);
        AuditDocument indexed = client.get(g -> g.index(index.target()).id(depositId), AuditDocument.class).source();
        assertThat(indexed.payload().path("description").asText()).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(indexed.payloadText()).doesNotContain("Rent Erin");
    }

    private AuditDocument depositCopy(CustomerId owner, String description) {
        ObjectNode payload = json.createObjectNode().put("accountId", "acc-" + UUID.randomUUID())
                .put("customerId", owner.value()).put("description", description).putNull("reference")
                .putNull("externalReference");
        return new AuditDocument(UUID.randomUUID().toString(), "MoneyDeposited", "Account",
                payload.path("accountId").asText(), 1, 1, Instant.parse("2026-03-01T09:00:00Z"), "teller-1", null, null,
                Map.of(), payload, payload.toString(), owner.value());
    }
}
