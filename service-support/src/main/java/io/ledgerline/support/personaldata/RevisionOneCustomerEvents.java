package io.ledgerline.support.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ledgerline.events.CustomerDetailsChanged;
import io.ledgerline.events.CustomerRegistered;
import io.ledgerline.events.EventTypes;
import io.ledgerline.events.PersonalData;
import java.util.List;
import java.util.Set;

/**
 * CustomerRegistered and CustomerDetailsChanged of revision 1 carried name and email as plain
 * strings, before personal data was sealed. Both services read them as revision 2 with the values
 * marked as written before sealing: the command side's upcaster and the query side's reader.
 * Nothing is encrypted on the way: that text stays readable wherever the old event is kept.
 */
public final class RevisionOneCustomerEvents {

    public static final String REVISION = "1";
    private static final Set<String> TYPE_NAMES = Set.of(EventTypes.nameOf(CustomerRegistered.class),
            EventTypes.nameOf(CustomerDetailsChanged.class));
    private static final List<String> PERSONAL_FIELDS = List.of("name", "email");

    private RevisionOneCustomerEvents() {
    }

    /** @param typeName the event's simple name, as on Kafka */
    public static boolean concerns(String typeName, String revision) {
        return TYPE_NAMES.contains(typeName) && REVISION.equals(revision);
    }

    /** Changes the payload in place and returns it. */
    public static JsonNode markUnsealed(JsonNode payload) {
        ObjectNode upcast = (ObjectNode) payload;
        for (String field : PERSONAL_FIELDS) {
            JsonNode value = upcast.get(field);
            if (value != null && value.isTextual()) {
                upcast.put(field, PersonalData.unsealed(value.asText()).value());
            }
        }
        return upcast;
    }
}
