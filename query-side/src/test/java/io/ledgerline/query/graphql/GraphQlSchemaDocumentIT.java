package io.ledgerline.query.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.ledgerline.query.QuerySideIT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The published GraphQL schema, docs/api/query-side.graphqls, is the one the service serves: every
 * change of the contract shows in review as a change of that file.
 */
class GraphQlSchemaDocumentIT extends QuerySideIT {

    private static final SchemaPrinter PRINTER = new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
            .includeDirectives(false));

    @Autowired
    private GraphQlSource graphQl;

    @Test
    void packagesTheCommittedSchemaFile() throws IOException {
        try (InputStream packaged = getClass().getResourceAsStream("/graphql/schema.graphqls")) {
            assertThat(packaged).as("the module's schema").isNotNull();
            assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8))
                    .as("the module's graphql/schema.graphqls; if the change is intended, copy it over %s", committed())
                    .isEqualTo(Files.readString(committed()));
        }
    }

    @Test
    void servesTheCommittedSchema() throws IOException {
        GraphQLSchema published = UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(committed())));

        assertThat(PRINTER.print(graphQl.schema())).isEqualTo(PRINTER.print(published));
    }

    private static Path committed() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("docs/api"))) {
            directory = directory.getParent();
        }
        return directory.resolve("docs/api/query-side.graphqls");
    }
}
