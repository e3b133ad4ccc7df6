package io.ledgerline.query.reconciliation;

import io.ledgerline.query.reconciliation.ReconciliationReport.AccountMismatch;
import io.ledgerline.query.reconciliation.ReconciliationReport.CurrencyTotals;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sums of one run and its mismatches: every mismatch counted, the first by id kept, so that a
 * ledger of millions of accounts holds one sum per currency and a bounded list.
 */
final class ReconciliationTally {

    private final int maxListed;
    private final Map<String, Totals> totals = new TreeMap<>();
    private final TreeMap<String, AccountMismatch> listed = new TreeMap<>();
    private long compared;
    private long mismatched;

    ReconciliationTally(int maxListed) {
        this.maxListed = maxListed;
    }

    void stored(StoredBalances.StoredAccount account) {
        Totals sums = totals(account.balance().currency());
        if (sums != null) {
            sums.store = sums.store.add(account.balance().balance());
            sums.deposited = sums.deposited.add(account.deposited());
            sums.withdrawn = sums.withdrawn.add(account.withdrawn());
        }
    }

    void judged(String accountId, String currency, AccountBalance atPosition, Judgement sql, Judgement search) {
        compared++;
        Totals sums = totals(currency);
        if (sums != null) {
            sums.sql = sums.sql.add(sql.contribution());
            sums.search = sums.search.add(search.contribution());
        }
        if (sql.agrees() && search.agrees()) {
            return;
        }
        mismatched++;
        listed.put(accountId, new AccountMismatch(accountId, currency,
                atPosition == null ? null : atPosition.version(),
                atPosition == null ? null : atPosition.balance().toPlainString(), sql.account(), search.account()));
        if (listed.size() > maxListed) {
            listed.pollLastEntry();
        }
    }

    ReconciliationReport report(long asOfGlobalIndex, Instant startedAt, Instant finishedAt) {
        return new ReconciliationReport(asOfGlobalIndex, startedAt, finishedAt, compared,
                totals.entrySet().stream().map(entry -> entry.getValue().of(entry.getKey())).toList(), mismatched,
                new ArrayList<>(listed.values()));
    }

    private Totals totals(String currency) {
        return currency == null ? null : totals.computeIfAbsent(currency, any -> new Totals());
    }

    private static final class Totals {
        BigDecimal store = BigDecimal.ZERO;
        BigDecimal sql = BigDecimal.ZERO;
        BigDecimal search = BigDecimal.ZERO;
        BigDecimal deposited = BigDecimal.ZERO;
        BigDecimal withdrawn = BigDecimal.ZERO;

        CurrencyTotals of(String currency) {
            return new CurrencyTotals(currency, store.toPlainString(), sql.toPlainString(), search.toPlainString(),
                    deposited.toPlainString(), withdrawn.toPlainString(), deposited.subtract(withdrawn).toPlainString());
        }
    }
}
