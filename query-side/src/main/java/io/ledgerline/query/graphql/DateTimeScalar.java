package io.ledgerline.query.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The schema's DateTime: an ISO-8601 instant in UTC, written as REST writes an {@link Instant}, so
 * a client reads one form of time from both APIs. An input that is not such an instant is a
 * validation error of the query, never a failure of the server.
 */
@Configuration(proxyBeanMethods = false)
class DateTimeScalar {

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant in ISO-8601 UTC, as REST answers it, e.g. 2026-03-01T09:30:00Z.")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    throw new CoercingSerializeException("Not an instant: " + value.getClass().getSimpleName());
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("A DateTime is a string such as 2026-03-01T09:30:00Z");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                        Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("A DateTime is a string such as 2026-03-01T09:30:00Z");
                }
            })
            .build();

    private static <E extends RuntimeException> Instant parse(String text,
            java.util.function.Function<String, E> refusal) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw refusal.apply("A DateTime is an ISO-8601 instant such as 2026-03-01T09:30:00Z");
        }
    }

    @Bean
    RuntimeWiringConfigurer dateTimeWiring() {
        return wiring -> wiring.scalar(DATE_TIME);
    }
}
