package io.ledgerline.query.rebuild;

/** No read model of that name can be rebuilt. */
public class UnknownProjection extends Exception {

    public UnknownProjection(String projection) {
        super("No projection named " + projection + " can be rebuilt");
    }
}
