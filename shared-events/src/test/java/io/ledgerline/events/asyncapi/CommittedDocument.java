package io.ledgerline.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Stream;

/** The committed docs/api/ledger-events.asyncapi.yaml, as consumers read it, and its schemas as a validator holds them. */
final class CommittedDocument {

    /** Where the validator keeps the document; nothing is fetched from it. */
    private static final String IRI = "https://ledgerline.io/api/ledger-events.asyncapi.json";

    /**
     * AsyncAPI 3.0's default schema format is a superset of JSON Schema draft-07. The validator holds
     * the whole document as one schema resource, so that references between its schemas resolve; the
     * document's own top-level keys are not schema keywords.
     */
    private static final Dialect ASYNCAPI_SCHEMAS = Dialect.builder(Dialects.getDraft7())
            .keywords(Stream.of("asyncapi", "id", "info", "servers", "defaultContentType", "channels", "operations",
                    "components").map(NonValidationKeyword::new).toList())
            .build();

    private final SchemaRegistry registry;

    private CommittedDocument(JsonNode document) {
        String asJson;
        try {
            asJson = new ObjectMapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.registry = SchemaRegistry.withDialect(ASYNCAPI_SCHEMAS, builder -> builder.schemas(Map.of(IRI, asJson)));
    }

    static JsonNode read() {
        try {
            return new YAMLMapper().readTree(ModulePaths.document().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ModulePaths.document(), e);
        }
    }

    static CommittedDocument load() {
        return new CommittedDocument(read());
    }

    /** @param pointer a JSON pointer into the document, e.g. {@code /components/messages/AccountOpened/payload} */
    Schema schemaAt(String pointer) {
        return registry.getSchema(SchemaLocation.of(IRI + "#" + pointer));
    }
}
