package io.ledgerline.query.search.web;

import io.ledgerline.query.web.Paging;
import io.ledgerline.query.web.QueryInstants;
import io.ledgerline.support.text.TextRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads optional search parameters, refusing what cannot be read instead of guessing. Every value
 * reaches Elasticsearch as a typed value of the Java client's query builders (a term, a match text,
 * a range bound), never as query syntax: {@code *:*} or {@code {"query": ...}} is text to match.
 */
public final class SearchParameters {

    /** Elasticsearch's default index.max_result_window: pages beyond it cannot be fetched with from/size. */
    static final int MAX_RESULT_WINDOW = Paging.MAX_WINDOW;
    /** The longest free text of a search; a longer one is refused (400). */
    static final int MAX_TEXT_LENGTH = 200;
    /**
     * The most words a free-text search may have: every word becomes a clause of the query, with
     * fuzzy expansions where typos are tolerated, so the words bound the work of one search.
     */
    static final int MAX_WORDS = 10;
    /** The longest value of an exact filter such as a user. */
    static final int MAX_KEYWORD_LENGTH = 255;
    private static final int LONGEST_AMOUNT = 40;
    private static final int MOST_INTEGER_DIGITS = 15;
    private static final int MOST_DECIMALS = 10;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z]{1,100}");

    private SearchParameters() {
    }

    public static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * Free text to match: plain text (see {@link TextRules}), at most {@link #MAX_TEXT_LENGTH}
     * characters and {@link #MAX_WORDS} words, counted as Elasticsearch's standard analyzer splits them.
     */
    public static Optional<String> words(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return text;
        }
        if (text.get().length() > MAX_TEXT_LENGTH) {
            throw new InvalidSearchRequest(name + " has more than " + MAX_TEXT_LENGTH + " characters");
        }
        if (!TextRules.isPlain(text.get(), true)) {
            throw new InvalidSearchRequest(name + " must be plain text: no control characters, unpaired surrogates "
                    + "or bidirectional overrides");
        }
        long words = WORD_SEPARATORS.splitAsStream(text.get()).filter(word -> !word.isEmpty()).count();
        if (words > MAX_WORDS) {
            throw new InvalidSearchRequest(name + " has more than " + MAX_WORDS + " words");
        }
        return text;
    }

    /** An id to filter by exactly; one that no id could have is refused rather than searched for. */
    public static Optional<String> id(String name, String value) {
        Optional<String> text = text(value);
        if (text.isPresent() && !TextRules.isWellFormedId(text.get())) {
            throw new InvalidSearchRequest(name + " " + TextRules.ID_MESSAGE);
        }
        return text;
    }

    /** A value to filter by exactly, such as a user name: plain text of at most {@link #MAX_KEYWORD_LENGTH}. */
    public static Optional<String> keyword(String name, String value) {
        Optional<String> text = text(value);
        if (text.isPresent() && (text.get().length() > MAX_KEYWORD_LENGTH || !TextRules.isPlain(text.get(), true))) {
            throw new InvalidSearchRequest(name + " must be plain text of at most " + MAX_KEYWORD_LENGTH + " characters");
        }
        return text;
    }

    /** An event type's simple name, such as MoneyDeposited. */
    public static Optional<String> eventType(String name, String value) {
        Optional<String> text = text(value);
        if (text.isPresent() && !EVENT_TYPE.matcher(text.get()).matches()) {
            throw new InvalidSearchRequest(name + " must be the name of an event type, such as MoneyDeposited");
        }
        return text;
    }

    /**
     * An amount bound: a plain decimal of at most {@link #MOST_INTEGER_DIGITS} integer digits and
     * {@link #MOST_DECIMALS} decimals, as every amount the ledger takes; a bound beyond is no amount.
     */
    public static Optional<BigDecimal> amount(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        // a huge exponent would make BigDecimal arithmetic crawl; amounts are plain decimals
        if (text.get().length() > LONGEST_AMOUNT || !text.get().matches("-?\\d+(\\.\\d+)?")) {
            throw new InvalidSearchRequest(name + " must be a decimal amount such as 12.50");
        }
        BigDecimal amount = new BigDecimal(text.get());
        BigDecimal magnitude = amount.abs().stripTrailingZeros();
        if (magnitude.precision() - magnitude.scale() > MOST_INTEGER_DIGITS || magnitude.scale() > MOST_DECIMALS) {
            throw new InvalidSearchRequest(name + " must have at most " + MOST_INTEGER_DIGITS + " integer digits and "
                    + MOST_DECIMALS + " decimals, as every amount has");
        }
        return Optional.of(amount);
    }

    public static Optional<Instant> instant(String name, String value) {
        Optional<String> text = text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(QueryInstants.within(name, Instant.parse(text.get())));
        } catch (DateTimeParseException e) {
            throw new InvalidSearchRequest(name + " must be an ISO-8601 instant such as 2026-03-01T00:00:00Z");
        }
    }

    public static <T extends Comparable<T>> void requireOrdered(String lowerName, Optional<T> lower, String upperName,
            Optional<T> upper) {
        if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) > 0) {
            throw new InvalidSearchRequest(lowerName + " must not be after " + upperName);
        }
    }

    /** The offset of the page's first hit, refusing pages Elasticsearch would not return. */
    public static int offset(int page, int size) {
        if (((long) page + 1) * size > MAX_RESULT_WINDOW) {
            throw new InvalidSearchRequest("page and size reach beyond the first " + MAX_RESULT_WINDOW + " hits");
        }
        return page * size;
    }
}
