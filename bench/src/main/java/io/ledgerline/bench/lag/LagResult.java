package io.ledgerline.bench.lag;

import io.ledgerline.bench.load.LatencySummary;

/** Lag from a deposit's answer until it is readable: in the SQL read model and in the transaction search. */
public record LagResult(LatencySummary toSql, LatencySummary toSearch, long failures, String firstError) {

    public static final LagResult NOT_MEASURED = new LagResult(LatencySummary.EMPTY, LatencySummary.EMPTY, 0, null);
}
