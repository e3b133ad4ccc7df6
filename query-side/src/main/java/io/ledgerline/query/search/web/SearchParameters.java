package io.ledgerline.query.search.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads optional search parameters, refusing what cannot be read instead of guessing. */
final class SearchParameters {

    /** Elasticsearch's default index.max_result_window: pages beyond it cannot be fetched with from/size. */
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final int LONGEST_AMOUNT = 40;

    private SearchParameters() {
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static Optional<BigDecimal> amount(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // a huge exponent would make BigDecimal arithmetic crawl; amounts are plain decimals
        if (text.get().length() > LONGEST_AMOUNT || !text.get().matches("-?\\d+(\\.\\d+)?")) {
            throw new InvalidSearchRequest(name + " must be a decimal amount such as 12.50");
        }
        return Optional.of(new BigDecimal(text.get()));
    }

    static Optional<Instant> instant(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            throw new InvalidSearchRequest(name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    static <T extends Comparable<T>> void requireOrdered(String lowerName, Optional<T> lower, String upperName,
            Optional<T> upper) {
        if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) > 0) {
            throw new InvalidSearchRequest(lowerName + " must not be after " + upperName);
        }
    }

    /** The offset of the page's first hit, refusing pages Elasticsearch would not return. */
    static int offset(int page, int size) {
        if (((long) page + 1) * size > MAX_RESULT_WINDOW) {
            throw new InvalidSearchRequest("page and size reach beyond the first " + MAX_RESULT_WINDOW + " hits");
        }
        return page * size;
    }
}
