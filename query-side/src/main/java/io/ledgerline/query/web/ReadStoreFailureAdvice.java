package io.ledgerline.query.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.ledgerline.support.web.ErrorCodes;
import io.ledgerline.support.web.Problems;
import io.ledgerline.support.web.StoreOutages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Search depends on Elasticsearch being reachable; when it is not, the answer says so with 503
 * and a code clients can retry on, instead of presenting an outage as a bug.
 *
 * <p>Spring matches a handler by the causes of a failure too, so a database connection lost with
 * an I/O error underneath arrives here as well: that is the store's outage, not search's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadStoreFailureAdvice {

    static final String SEARCH_UNAVAILABLE = "SEARCH_UNAVAILABLE";
    private static final Logger log = LoggerFactory.getLogger(ReadStoreFailureAdvice.class);

    @ExceptionHandler({IOException.class, UncheckedIOException.class, ElasticsearchException.class})
    ProblemDetail searchUnavailable(Exception exception) {
        if (StoreOutages.isOutage(exception)) {
            log.warn("A database is unavailable: {}", exception.toString());
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCodes.STORE_UNAVAILABLE,
                    "A database this request needs is unavailable at the moment; retry later");
        }
        log.warn("Search is unavailable: {}", exception.toString());
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, SEARCH_UNAVAILABLE,
                "Search is unavailable at the moment; retry later");
    }
}
