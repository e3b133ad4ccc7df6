package io.ledgerline.query.graphql.limits;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import org.springframework.graphql.execution.ErrorType;

/**
 * The codes of GraphQL requests refused as a whole, in {@code extensions.code} as REST problem details carry
 * theirs; where a REST code means the same (a body that is not JSON, a wrong content type) it is that code.
 */
public final class GraphQlRefusals {

    public static final String QUERY_TOO_LARGE = "QUERY_TOO_LARGE";
    public static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";
    public static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";
    public static final String BATCH_NOT_SUPPORTED = "BATCH_NOT_SUPPORTED";
    public static final String INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED";

    private GraphQlRefusals() {
    }

    static GraphQLError error(String code, String message) {
        return error(code, message, ErrorType.BAD_REQUEST);
    }

    static GraphQLError error(String code, String message, ErrorClassification classification) {
        return GraphqlErrorBuilder.newError().message(message).errorType(classification)
                .extensions(Map.of("code", code)).build();
    }
}
