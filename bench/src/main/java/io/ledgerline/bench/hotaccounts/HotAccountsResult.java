package io.ledgerline.bench.hotaccounts;

import io.ledgerline.bench.load.LatencySummary;

import java.util.Map;

/**
 * What the hot-accounts phase saw.
 *
 * @param answersByStatus   every answer, counted by HTTP status (refusals included: they are answers)
 * @param unanswered        requests that got no answer at all (timeout, connection refused)
 * @param latency           of every answer, whatever its status
 * @param shortened         whether the run's mode cut the phase shorter than the target's {@link HotAccountsLoad#TARGET_DURATION}
 * @param firstFailure      the first 5xx body or exception, to explain a failure
 */
public record HotAccountsResult(int clients, int accounts, double seconds, boolean shortened,
                                Map<Integer, Long> answersByStatus, long unanswered, LatencySummary latency,
                                String firstFailure) {

    public HotAccountsResult {
        answersByStatus = Map.copyOf(answersByStatus);
    }

    public long answers() {
        return answersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long serverErrors() {
        return answersByStatus.entrySet().stream().filter(answer -> answer.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
    }

    public double answersPerSecond() {
        return seconds > 0 ? answers() / seconds : Double.NaN;
    }
}
