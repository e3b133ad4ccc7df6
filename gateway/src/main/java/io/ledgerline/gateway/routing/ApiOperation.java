package io.ledgerline.gateway.routing;

import org.springframework.http.HttpMethod;

/** One documented operation and the side that serves it; the path is the document's template ({@code /api/accounts/{accountId}}). */
public record ApiOperation(Side side, HttpMethod method, String path) {
}
