package io.ledgerline.query.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Marks every property of every schema a successful answer uses as required: the JSON writer leaves
 * no field out, a null included, so a client can rely on each being there. Whether it may be null is
 * said by its type, on the property itself; a reference that may be null becomes "the referenced
 * schema or null". A schema that already names its required properties keeps them: it is an answer
 * that leaves some fields out when they are null (a total is of a type or of a month, never both).
 */
class AnswersCarryEveryField implements OpenApiCustomizer {

    private static final String COMPONENT = "#/components/schemas/";

    @Override
    public void customise(OpenAPI api) {
        Set<String> visited = new HashSet<>();
        api.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && response.getContent() != null) {
                        response.getContent().values().forEach(media -> visit(api, media.getSchema(), visited));
                    }
                })));
    }

    private static void nullableReference(Schema<?> property) {
        if (property.get$ref() != null && property.getTypes() != null && property.getTypes().contains("null")) {
            property.addAnyOfItem(new Schema<>().$ref(property.get$ref()));
            property.addAnyOfItem(new Schema<>().types(Set.of("null")));
            property.set$ref(null);
            property.setTypes(null);
        }
    }

    private void visit(OpenAPI api, Schema<?> schema, Set<String> visited) {
        if (schema == null) {
            return;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(COMPONENT)) {
            String name = schema.get$ref().substring(COMPONENT.length());
            if (visited.add(name)) {
                visit(api, api.getComponents().getSchemas().get(name), visited);
            }
        }
        if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
            if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
            schema.getProperties().values().forEach(property -> {
                nullableReference(property);
                visit(api, property, visited);
            });
        }
        visit(api, schema.getItems(), visited);
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(part -> visit(api, part, visited));
        }
    }
}
