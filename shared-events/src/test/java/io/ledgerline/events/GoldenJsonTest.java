package io.ledgerline.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the wire form of every event: a change here is a change for every consumer and for every
 * stored event, and must come with a new revision and an upcaster.
 */
class GoldenJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Arguments> samples() {
        return Stream.of(Arguments.of(new AccountOpened(AccountId.of("acc-1"), CustomerId.of("cust-1"),
                Currency.getInstance("EUR"), Money.of("100", "EUR")), "AccountOpened-1.json"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void writesTheGoldenForm(LedgerEvent event, String golden) throws IOException {
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(golden(golden));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void readsTheGoldenForm(LedgerEvent event, String golden) throws IOException {
        assertThat(json.treeToValue(golden(golden), event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("samples")
    void namesTheGoldenAfterTypeAndRevision(LedgerEvent event, String golden) {
        Class<?> type = event.getClass();
        assertThat(golden).isEqualTo(EventTypes.nameOf(type) + "-" + EventTypes.revisionOf(type) + ".json");
    }

    @Test
    void coversEveryPublishedEventType() {
        List<Class<?>> covered = samples().<Class<?>>map(arguments -> arguments.get()[0].getClass()).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    private JsonNode golden(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return json.readTree(in);
        }
    }
}
