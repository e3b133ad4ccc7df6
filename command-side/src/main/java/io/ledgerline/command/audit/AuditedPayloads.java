package io.ledgerline.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.PersonalData;
import io.ledgerline.support.personaldata.NameAndEmail;
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
        return node;
    }

    private JsonNode opened(JsonNode node, CustomerId owner, PersonalData name, PersonalData email) {
        NameAndEmail details = personalData.open(owner, name, email);
        return ((ObjectNode) node).put("name", details.name()).put("email", details.email());
    }
}
