package io.ledgerline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.MoneyDeposited;
import io.ledgerline.events.MoneyWithdrawn;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.events.TransferRequested;
import io.ledgerline.support.personaldata.NameAndEmail;
import io.ledgerline.support.personaldata.PersonalDataOpener.FieldValue;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An event's payload as the audit log shows it: as stored, except that personal data is opened while
 * its customer's key exists and masked once the customer is erased (see {@link AuditedPersonalData}).
 * No answer carries ciphertext.
 */
@Component
class AuditedPayloads {

    private final ObjectMapper json;
    private final AuditedPersonalData personalData;

    AuditedPayloads(ObjectMapper json, AuditedPersonalData personalData) {
        this.json = json;
        this.personalData = personalData;
    }

    JsonNode of(Object payload) {
        JsonNode node = json.valueToTree(payload);
        if (payload instanceof CustomerRegistered registered) {
            return opened(node, registered.customerId(), registered.name(), registered.email());
        }
        if (payload instanceof CustomerDetailsChanged changed) {
            return opened(node, changed.customerId(), changed.name(), changed.email());
        }
        if (payload instanceof MoneyDeposited deposited) {
            return opened(node, deposited.customerId(), deposited.accountId(),
                    new FieldValue(PersonalDataField.DESCRIPTION, deposited.description()),
                    new FieldValue(PersonalDataField.REFERENCE, deposited.reference()),
                    new FieldValue(PersonalDataField.EXTERNAL_REFERENCE, deposited.externalReference()));
        }
        if (payload instanceof MoneyWithdrawn withdrawn) {
            return opened(node, withdrawn.customerId(), withdrawn.accountId(),
                    new FieldValue(PersonalDataField.DESCRIPTION, withdrawn.description()),
                    new FieldValue(PersonalDataField.EXTERNAL_REFERENCE, withdrawn.externalReference()));
        }
        if (payload instanceof TransferRequested requested) {
            // the payer is the source account's owner
            return opened(node, requested.payerCustomerId(), requested.sourceAccountId(),
                    new FieldValue(PersonalDataField.DESCRIPTION, requested.description()),
                    new FieldValue(PersonalDataField.REFERENCE, requested.reference()));
        }
        return node;
    }

    private JsonNode opened(JsonNode node, CustomerId owner, AccountId account, FieldValue... values) {
        List<String> texts = personalData.openText(owner, account, List.of(values));
        ObjectNode opened = (ObjectNode) node;
        for (int i = 0; i < values.length; i++) {
            opened.put(values[i].field().boundName(), texts.get(i));
        }
        return opened;
    }

    private JsonNode opened(JsonNode node, CustomerId owner, PersonalData name, PersonalData email) {
        NameAndEmail details = personalData.open(owner, name, email);
        return ((ObjectNode) node).put("name", details.name()).put("email", details.email());
    }
}
