package io.ledgerline.command.infrastructure.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class MessageIdentifiersTest {

    @Test
    void axonFindsTheFactoryOfThisService() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(MessageIdentifiers.class);
    }

    @Test
    void messagesGetRandomUuidsAsIds() {
        String first = GenericEventMessage.asEventMessage("payload").getIdentifier();
        String second = GenericEventMessage.asEventMessage("payload").getIdentifier();
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(second);
    }
}
