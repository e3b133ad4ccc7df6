package io.ledgerline.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.apidocs.CommittedApiDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query side's published OpenAPI document: valid, free of the error controller, and as committed. */
class ApiDocumentIT extends QuerySideIT {

    @Test
    void publishesAValidDocumentWithoutTheErrorControllerAndWithEachTagOnce() {
        JsonNode document = get("/v3/api-docs");

        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Ledgerline query API");
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("info").path("license").path("identifier").asText()).isEqualTo("Apache-2.0");
        assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo("/");
        assertThat(document.path("paths").has("/error")).isFalse();
        List<String> tags = new ArrayList<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        assertThat(tags).doesNotHaveDuplicates();
    }

    @Test
    void servesTheCommittedOpenApiDocument() {
        new CommittedApiDocument("query-side.openapi.yaml").assertServedAsCommitted(
                http.getForEntity("/v3/api-docs", String.class).getBody());
    }
}
