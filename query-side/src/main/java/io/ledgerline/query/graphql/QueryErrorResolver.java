package io.ledgerline.query.graphql;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.ledgerline.query.consistency.VersionNotYetProjected;
import io.ledgerline.query.web.QueryErrors;
import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.StoreOutages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A field's failure as a GraphQL error whose {@code extensions.code} is the code REST's problem
 * details answer for the same failure, so a client handles one list of codes for both APIs. What
 * is not a refusal of the API is logged and answered INTERNAL_ERROR without its message: a
 * failure's text may name tables, hosts or other customers' data.
 */
@Component
class QueryErrorResolver extends DataFetcherExceptionResolverAdapter {

    static final String CODE = "code";
    private static final Logger log = LoggerFactory.getLogger(QueryErrorResolver.class);

    QueryErrorResolver() {
        // the failures of a waiting read arrive on the thread that ended the wait
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment environment) {
        Throwable failure = unwrapped(thrown);
        if (failure instanceof ApiException refused) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            refused.retryAfter().ifPresent(delay -> extensions.put("retryAfterSeconds", delay.toSeconds()));
            return error(environment, type(refused.status()), refused.code(), refused.getMessage(), extensions);
        }
        if (failure instanceof VersionNotYetProjected late) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("requestedVersion", late.requestedVersion());
            extensions.put("projectedVersion", late.projectedVersion());
            return error(environment, ErrorType.BAD_REQUEST, VersionNotYetProjected.CODE, late.getMessage(), extensions);
        }
        if (StoreOutages.isOutage(failure)) {
            log.warn("A database is unavailable: {}", failure.toString());
            return error(environment, ErrorType.INTERNAL_ERROR, ErrorCodes.STORE_UNAVAILABLE,
                    "A database this request needs is unavailable at the moment; retry later", Map.of());
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException
                || failure instanceof ElasticsearchException) {
            log.warn("Search is unavailable: {}", failure.toString());
            return error(environment, ErrorType.INTERNAL_ERROR, QueryErrors.SEARCH_UNAVAILABLE,
                    "Search is unavailable at the moment; retry later", Map.of());
        }
        log.error("A GraphQL field failed unexpectedly: {}", environment.getExecutionStepInfo().getPath(), failure);
        return error(environment, ErrorType.INTERNAL_ERROR, ErrorCodes.INTERNAL_ERROR,
                "The query could not be answered; the failure is logged", Map.of());
    }

    private static Throwable unwrapped(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static ErrorType type(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case UNAUTHORIZED -> ErrorType.UNAUTHORIZED;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            default -> status.is4xxClientError() ? ErrorType.BAD_REQUEST : ErrorType.INTERNAL_ERROR;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment environment, ErrorType type, String code,
            String message, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(CODE, code);
        extensions.putAll(more);
        return GraphqlErrorBuilder.newError(environment).errorType(type).message(message).extensions(extensions).build();
    }
}
