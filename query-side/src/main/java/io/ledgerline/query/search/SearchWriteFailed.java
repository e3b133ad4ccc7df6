package io.ledgerline.query.search;

/** Elasticsearch refused a document for a reason other than it already holding a newer version. */
public class SearchWriteFailed extends RuntimeException {

    public SearchWriteFailed(String documentId, int status, String reason) {
        super("Elasticsearch refused document " + documentId + " with status " + status + ": " + reason);
    }
}
