package io.ledgerline.query.graphql.limits;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.validation.ValidationError;
import io.ledgerline.support.web.ErrorCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Refuses a parsed document that passes a limit, before validation spends time on it, and gives the errors
 * graphql-java answers before any field is read a code: a document that does not parse is MALFORMED_REQUEST,
 * one that does not validate (unknown fields, ill-typed arguments or variables, an unknown operation)
 * INVALID_REQUEST, as REST answers an unreadable or invalid request, and introspection where it is off
 * INTROSPECTION_DISABLED. Here rather than in an interceptor, so that the code is there for every interceptor
 * and for HTTP and WebSocket alike.
 */
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private static final String CODE = "code";

    private final GraphQlLimits limits;

    public QueryLimitsInstrumentation(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
            InstrumentationState state) {
        QueryShape.check(parameters.getDocument(), parameters.getSchema(), parameters.getVariables(), limits);
        return super.beginValidation(parameters, state);
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().allMatch(error -> codeOf(error) == null)) {
            return CompletableFuture.completedFuture(result);
        }
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(
                result.getErrors().stream().map(QueryLimitsInstrumentation::coded).toList())));
    }

    private static GraphQLError coded(GraphQLError error) {
        String code = codeOf(error);
        if (code == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put(CODE, code);
        GraphqlErrorBuilder<?> coded = GraphqlErrorBuilder.newError().message(error.getMessage())
                .errorType(error.getErrorType()).extensions(extensions);
        if (error.getLocations() != null) {
            coded.locations(error.getLocations());
        }
        if (error.getPath() != null) {
            coded.path(error.getPath());
        }
        return coded.build();
    }

    /** The code of an error raised before execution and not coded yet; null for any other. */
    private static String codeOf(GraphQLError error) {
        ErrorClassification classification = error.getErrorType();
        if (classification == null || (error.getExtensions() != null && error.getExtensions().get(CODE) != null)) {
            return null;
        }
        if (classification == ErrorType.InvalidSyntax) {
            return ErrorCodes.MALFORMED_REQUEST;
        }
        if (classification == ErrorType.ValidationError || classification == ErrorType.OperationNotSupported) {
            return ErrorCodes.INVALID_REQUEST;
        }
        if ("IntrospectionDisabled".equals(classification.toString())) {
            return GraphQlRefusals.INTROSPECTION_DISABLED;
        }
        return null;
    }
}
