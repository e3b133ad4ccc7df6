package io.ledgerline.query.audit.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerErased;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.query.events.LedgerEventReader;
import io.ledgerline.query.events.ReceivedEvent;
import io.ledgerline.query.personaldata.BookingText;
import io.ledgerline.query.personaldata.BookingTexts;
import io.ledgerline.query.search.DocumentPerEventProjection;
import io.ledgerline.query.search.SearchBatch;
import io.ledgerline.query.search.SearchConsumerGroups;
import io.ledgerline.query.search.SearchWrites;
import io.ledgerline.query.accounts.BookingTextOwners;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import io.ledgerline.support.personaldata.TextBeforeSealing;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit index. Each event is created once under its event id; a redelivered event finds
 * it there and changes nothing. A customer's sealed name and email, and the free text of bookings and
 * transfer requests, are indexed opened while the customer's key exists and as the erasure mask once
 * it is gone; never as ciphertext. A copy that shows opened data is looked at again once it is in the
 * index, and redacted if the key has been deleted meanwhile (see {@link AuditCopies}). Text stored
 * before sealing names no owner: it is the account owner's (a transfer request's, the source
 * account's owner's; see {@link BookingTextOwners}), recorded as its owner and masked at their erasure
 * as sealed text is, and written masked when they are erased already.
 */
@Component
class AuditSearchProjection extends DocumentPerEventProjection {

    private final LedgerEventReader reader;
    private final CustomerDataRedaction redaction;
    private final ObjectMapper json;
    private final PersonalDataOpener opener;
    private final BookingTexts texts;
    private final AuditSearchIndex index;
    private final SearchWrites writes;
    private final PersonalDataKeys keys;
    private final BookingTextOwners holders;

    AuditSearchProjection(LedgerEventReader reader, AuditSearchIndex index, SearchWrites writes,
            CustomerDataRedaction redaction, ObjectMapper json, PersonalDataOpener opener, BookingTexts texts,
            PersonalDataKeys keys, BookingTextOwners holders) {
        super(SearchConsumerGroups.AUDIT, index, writes);
        this.holders = holders;
        this.index = index;
        this.writes = writes;
        this.keys = keys;
        this.reader = reader;
        this.redaction = redaction;
        this.json = json;
        this.opener = opener;
        this.texts = texts;
    }

    @KafkaListener(id = SearchConsumerGroups.AUDIT, topics = LedgerHeaders.TOPIC, batch = "true",
            properties = {SearchConsumerGroups.FETCH_MIN_BYTES, SearchConsumerGroups.FETCH_MAX_WAIT,
                    SearchConsumerGroups.MAX_POLL_RECORDS})
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        applyPoll(records);
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record, SearchBatch batch) throws IOException {
        ReceivedEvent event = reader.read(record);
        holders.remember(event.payload());
        // the batch's texts, each customer's key looked up once for all its events
        Optional<BookingText> opened = batch.shared(BookingTexts.class, texts::forOneBatch).of(event.payload());
        boolean beforeSealing = opened.isPresent() && opened.get().showsTextBeforeSealing();
        Optional<BookingText> text = beforeSealing
                ? Optional.of(holders.withOwner(accountOf(event.payload()), opened.get()))
                : opened;
        AuditDocument document = documentOf(event, text);
        create(document.eventId(), document, batch);
        if (beforeSealing) {
            if (!text.get().masked().equals(text.get())) {
                lookAgainOnceWritten(batch, copies -> copies.addTextBeforeSealing(text.get().ownerId(), document));
            }
        } else {
            Optional<String> owner = ownerOfOpenedData(event, document, text);
            if (owner.isPresent()) {
                lookAgainOnceWritten(batch, copies -> copies.add(owner.get(), document));
            }
        }
        if (event.payload() instanceof CustomerErased erased) {
            // the redaction searches for the customer's earlier events, which the batch may still hold back
            batch.flush();
            redaction.redact(erased.customerId().value(), batch);
        }
    }

    /** The customer whose key opened personal data the document shows, if it shows any. */
    private static Optional<String> ownerOfOpenedData(ReceivedEvent event, AuditDocument document,
            Optional<BookingText> text) {
        if (text.isPresent()) {
            return text.get().showsSealedText() ? Optional.of(text.get().ownerId()) : Optional.empty();
        }
        if (event.payload() instanceof CustomerRegistered registered) {
            return openedFromSeal(registered.customerId(), registered.name(), registered.email(), document);
        }
        if (event.payload() instanceof CustomerDetailsChanged changed) {
            return openedFromSeal(changed.customerId(), changed.name(), changed.email(), document);
        }
        return Optional.empty();
    }

    private static Optional<String> openedFromSeal(CustomerId owner, PersonalData name, PersonalData email,
            AuditDocument document) {
        boolean opened = (name.isSealed() || email.isSealed())
                && !PersonalDataOpener.ERASED.equals(document.payload().path("name").asText());
        return opened ? Optional.of(owner.value()) : Optional.empty();
    }

    private void lookAgainOnceWritten(SearchBatch batch, Consumer<AuditCopies> copy) {
        copy.accept(batch.documents(AuditCopies.class, this::newCopies));
    }

    private AuditCopies newCopies() {
        return new AuditCopies(index, writes, keys, holders);
    }

    /** The account whose owner the text of a booking or transfer request belongs to: a transfer's source. */
    private static String accountOf(LedgerEvent payload) {
        if (payload instanceof MoneyDeposited deposited) {
            return deposited.accountId().value();
        }
        if (payload instanceof MoneyWithdrawn withdrawn) {
            return withdrawn.accountId().value();
        }
        return ((TransferRequested) payload).sourceAccountId().value();
    }

    private AuditDocument documentOf(ReceivedEvent event, Optional<BookingText> text) {
        JsonNode payload = payloadOf(event, text);
        return new AuditDocument(event.eventId(), event.type(), event.aggregateType(), event.aggregateId(),
                event.sequence(), event.globalPosition(), event.timestamp(), event.metadata().get("user"),
                event.metadata().get("correlationId"), event.metadata().get("causationId"), metadataOf(event),
                payload, payload.toString(), text.map(BookingText::ownerId).orElse(null));
    }

    /**
     * Without the client's transfer text that transfer requests of revision 1 kept as metadata: the
     * payload shows it, as the account owner's text, masked once they are erased.
     */
    private static Map<String, String> metadataOf(ReceivedEvent event) {
        if (!event.metadata().containsKey(TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA)) {
            return event.metadata();
        }
        Map<String, String> metadata = new HashMap<>(event.metadata());
        metadata.remove(TextBeforeSealing.TRANSFER_DESCRIPTION_METADATA);
        return Map.copyOf(metadata);
    }

    private JsonNode payloadOf(ReceivedEvent event, Optional<BookingText> text) {
        JsonNode payload = json.valueToTree(event.payload());
        if (event.payload() instanceof CustomerRegistered registered) {
            return opened(payload, registered.customerId(), registered.name(), registered.email());
        }
        if (event.payload() instanceof CustomerDetailsChanged changed) {
            return opened(payload, changed.customerId(), changed.name(), changed.email());
        }
        if (text.isPresent()) {
            return opened((ObjectNode) payload, text.get());
        }
        return payload;
    }

    // each text field the event has is replaced by its opened text; null where it had none
    private static JsonNode opened(ObjectNode payload, BookingText text) {
        Map<String, String> opened = new HashMap<>();
        opened.put(BookingTextFields.DESCRIPTION, text.description());
        opened.put(BookingTextFields.REFERENCE, text.reference());
        opened.put(BookingTextFields.EXTERNAL_REFERENCE, text.externalReference());
        opened.forEach((field, value) -> {
            if (payload.has(field)) {
                payload.put(field, value);
            }
        });
        return payload;
    }

    private JsonNode opened(JsonNode payload, CustomerId owner, PersonalData name, PersonalData email) {
        NameAndEmail details = opener.open(owner, name, email);
        return ((ObjectNode) payload).put("name", details.name()).put("email", details.email());
    }
}
