package io.ledgerline.query.reconciliation;

import io.ledgerline.query.reconciliation.ReconciliationReport.Problem;
import io.ledgerline.query.reconciliation.ReconciliationReport.ReadModelAccount;
import java.math.BigDecimal;

/**
 * One read model's account compared with the store.
 *
 * @param contribution what the account adds to the read model's sum at the position: its read balance
 *                     brought there by the store's movements between the read version and the position
 */
record Judgement(ReadModelAccount account, BigDecimal contribution) {

    /** Neither the store nor the read model has the account: they agree. */
    static Judgement absent() {
        return new Judgement(new ReadModelAccount(null, null, null, null), BigDecimal.ZERO);
    }

    boolean agrees() {
        return account.problem() == null;
    }

    /**
     * @param atPosition the store's account at the position; null when it had no event there yet
     * @param read       the read model's account; null when it has none
     * @param atVersion  the store's account after the event of the read version; null when there is none
     */
    static Judgement of(AccountBalance atPosition, AccountBalance read, AccountBalance atVersion) {
        if (read == null) {
            return atPosition == null ? absent()
                    : new Judgement(new ReadModelAccount(null, null, null, Problem.MISSING.name()), BigDecimal.ZERO);
        }
        if (atVersion == null) {
            return new Judgement(account(read, null, Problem.NOT_IN_STORE), read.balance());
        }
        BigDecimal stored = atPosition == null ? BigDecimal.ZERO : atPosition.balance();
        BigDecimal contribution = read.balance().subtract(atVersion.balance()).add(stored);
        Problem problem = null;
        if (atVersion.currency() != null && !atVersion.currency().equals(read.currency())) {
            problem = Problem.CURRENCY;
        } else if (read.balance().compareTo(atVersion.balance()) != 0) {
            problem = Problem.BALANCE;
        } else if (atPosition != null && read.version() < atPosition.version()) {
            problem = Problem.LAGGING;
        }
        return new Judgement(account(read, atVersion, problem), contribution);
    }

    private static ReadModelAccount account(AccountBalance read, AccountBalance atVersion, Problem problem) {
        return new ReadModelAccount(read.version(), read.balance().toPlainString(),
                atVersion == null ? null : atVersion.balance().toPlainString(), problem == null ? null : problem.name());
    }
}
