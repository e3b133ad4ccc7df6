package io.ledgerline.query.web;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springdoc.core.customizers.OperationCustomizer;

/**
 * The limits of the query API's parameters as its code enforces them (the README's Limits table),
 * stated in the document by the parameter's name, which means the same on every endpoint that takes
 * it: a malformed one is refused with 400 INVALID_REQUEST. Every path variable that is text is an id,
 * and another one names nothing (404).
 */
class QueryParameterLimits implements OperationCustomizer {

    /** As the search reads an amount bound: a plain decimal, at most 15 integer digits and 10 decimals. */
    static final String AMOUNT = "^-?[0-9]{1,15}(\\.[0-9]{1,10})?$";
    /** Zero-padding aside, which the search accepts and the schema's pattern cannot count around. */
    static final int MAX_AMOUNT_LENGTH = 40;
    static final String EVENT_TYPE = "^[A-Za-z]{1,100}$";
    /** The last page a page size of 1 reaches within the window. */
    static final int LAST_PAGE = Paging.MAX_WINDOW - 1;

    private static final Map<String, Supplier<Schema<?>>> BY_NAME = Map.of(
            "customerId", QueryParameterLimits::id,
            "accountId", QueryParameterLimits::id,
            "correlationId", QueryParameterLimits::id,
            "q", () -> new StringSchema().maxLength(200)
                    .description("Plain text of at most 200 characters and 10 words"),
            "user", () -> new StringSchema().maxLength(255).description("Plain text"),
            "type", () -> new StringSchema().pattern(EVENT_TYPE).maxLength(100),
            "minAmount", QueryParameterLimits::amount,
            "maxAmount", QueryParameterLimits::amount,
            "from", QueryParameterLimits::instant,
            "to", QueryParameterLimits::instant);

    private static Schema<?> id() {
        return new StringSchema().pattern(ApiFormats.ID).maxLength(ApiFormats.MAX_ID_LENGTH);
    }

    private static Schema<?> amount() {
        return new StringSchema().pattern(AMOUNT).maxLength(MAX_AMOUNT_LENGTH).example("10.00");
    }

    /** The years 1 to 9999 ({@link QueryInstants}); the format is ISO-8601's, so at most nanoseconds and a zone. */
    private static Schema<?> instant() {
        return new StringSchema().format("date-time").maxLength(40).example("2026-03-01T00:00:00Z");
    }

    @Override
    public io.swagger.v3.oas.models.Operation customize(io.swagger.v3.oas.models.Operation operation,
            org.springframework.web.method.HandlerMethod handlerMethod) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(parameter -> {
            Schema<?> schema = parameter.getSchema();
            boolean text = isText(schema);
            if ("path".equals(parameter.getIn()) && text) {
                parameter.schema(id());
            } else if ("path".equals(parameter.getIn()) && schema != null) {
                // a parked event's id, from the table's sequence
                schema.minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(Long.MAX_VALUE));
            } else if ("query".equals(parameter.getIn()) && BY_NAME.containsKey(parameter.getName())) {
                parameter.schema(BY_NAME.get(parameter.getName()).get());
            } else if ("query".equals(parameter.getIn())) {
                bound(parameter);
            }
        });
        return operation;
    }

    /** What the name does not fix: a page stays within the window, a version is never negative, a choice is a list. */
    private static void bound(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        if (schema == null) {
            return;
        }
        if ("page".equals(parameter.getName())) {
            schema.maximum(BigDecimal.valueOf(LAST_PAGE));
        }
        if ("minVersion".equals(parameter.getName())) {
            schema.minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(Long.MAX_VALUE));
        }
        String pattern = schema.getPattern();
        if (pattern != null && pattern.matches("[A-Z_]+(\\|[A-Z_]+)+")) {
            StringSchema choice = new StringSchema();
            choice.setEnum(Arrays.asList(pattern.split("\\|")));
            parameter.schema(choice);
        } else if (isText(schema) && schema.getMaxLength() == null) {
            throw new IllegalStateException("The query parameter " + parameter.getName() + " has no documented limit");
        }
    }

    private static boolean isText(Schema<?> schema) {
        return schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string"));
    }
}
