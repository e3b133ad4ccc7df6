package io.ledgerline.query.rebuild;

/** No rebuild has that id. */
public class RebuildNotFound extends Exception {

    public RebuildNotFound(String id) {
        super("No rebuild " + id);
    }
}
