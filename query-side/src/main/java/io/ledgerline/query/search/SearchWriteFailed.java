package io.ledgerline.query.search;

import io.ledgerline.query.parking.RemoteStoreFailure;

/** Elasticsearch refused a document for a reason other than it already holding that change. */
public class SearchWriteFailed extends RuntimeException implements RemoteStoreFailure {

    private final int status;

    public SearchWriteFailed(String documentId, int status, String reason) {
        super("Elasticsearch refused document " + documentId + " with status " + status + ": " + reason);
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}
