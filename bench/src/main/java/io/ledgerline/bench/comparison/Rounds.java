package io.ledgerline.bench.comparison;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the variants in each round of a comparison. On a shared machine the load drifts during a run;
 * measured always in the same order, the variant that runs last would take the drift (or the JIT's late
 * compilations) alone. Rotated, each variant runs in every position once in as many rounds as there are variants.
 */
public final class Rounds {

    private Rounds() {
    }

    /** @return the indexes of the variants in the order round {@code round} (from 0) measures them */
    public static List<Integer> order(int variants, int round) {
        if (variants < 1) {
            throw new IllegalArgumentException("A comparison needs at least one variant: " + variants);
        }
        List<Integer> order = new ArrayList<>();
        for (int position = 0; position < variants; position++) {
            order.add((position + round) % variants);
        }
        return order;
    }
}
