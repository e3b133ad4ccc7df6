package io.ledgerline.query.web;

import io.ledgerline.query.QuerySideIT;
import io.ledgerline.testsupport.apidocs.CommittedApiDocument;
import org.junit.jupiter.api.Test;

/** The query side's published OpenAPI document: valid, free of the error controller, and as committed. */
class ApiDocumentIT extends QuerySideIT {

    @Test
    void publishesAValidDocumentWithoutTheErrorControllerAndWithEachTagOnce() {
        CommittedApiDocument.assertPublishable(http.getForEntity("/v3/api-docs", String.class).getBody(),
                "Ledgerline query API");
    }

    @Test
    void servesTheCommittedOpenApiDocument() {
        new CommittedApiDocument("query-side.openapi.yaml").assertServedAsCommitted(
                http.getForEntity("/v3/api-docs", String.class).getBody());
    }
}
