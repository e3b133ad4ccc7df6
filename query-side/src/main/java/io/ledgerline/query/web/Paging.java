package io.ledgerline.query.web;

import io.ledgerline.support.web.ApiException;
import io.ledgerline.support.web.ErrorCodes;
import org.springframework.http.HttpStatus;

/**
 * The bounds of every paged list: at most {@link #MAX_PAGE_SIZE} items a page, and no page beyond
 * the first {@link #MAX_WINDOW} items. Elasticsearch will not page past its result window, and a
 * deep SQL offset makes the database read and drop every row before it; a client narrows the
 * list (by time, by account) instead of paging that deep.
 */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;
    /** Elasticsearch's default index.max_result_window, and the same bound for SQL lists. */
    public static final int MAX_WINDOW = 10_000;

    private Paging() {
    }

    /** The offset of the page's first item, refusing (400) pages beyond the window. */
    public static int offset(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        if (((long) page + 1) * size > MAX_WINDOW) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "page and size reach beyond the first " + MAX_WINDOW + " items; narrow the list instead");
        }
        return page * size;
    }
}
