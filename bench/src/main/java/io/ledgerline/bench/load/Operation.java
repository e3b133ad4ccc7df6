package io.ledgerline.bench.load;

/** One request of a load step; it throws when the request did not succeed. */
@FunctionalInterface
public interface Operation {

    void perform() throws Exception;
}
