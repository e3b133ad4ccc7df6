package io.ledgerline.query.reconciliation;

import io.ledgerline.query.web.ApiFormats;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation found.
 *
 * @param asOfGlobalIndex    the event store's position compared: its highest global index when the run
 *                           started (-1 for an empty store)
 * @param accountsCompared   accounts in the store, a read model or both
 * @param mismatchedAccounts every account whose read models do not agree with the store
 * @param mismatches         the first of them by id, at most ledgerline.reconciliation.max-listed-accounts
 */
@Schema(name = "ReconciliationReport")
public record ReconciliationReport(
        @Schema(minimum = "-1", maximum = "9223372036854775807") long asOfGlobalIndex,
        Instant startedAt, Instant finishedAt,
        @Schema(minimum = "0", maximum = "9223372036854775807") long accountsCompared,
        @ArraySchema(maxItems = 1000) List<CurrencyTotals> currencies,
        @Schema(minimum = "0", maximum = "9223372036854775807") long mismatchedAccounts,
        @ArraySchema(maxItems = 100000) List<AccountMismatch> mismatches) {

    public boolean agrees() {
        return mismatchedAccounts == 0;
    }

    /**
     * One currency's sums at the position. The store's sum must equal what entered minus what left the
     * ledger, since transfers only move money inside it; the read models' sums are each account's read
     * balance brought to the position by the store's own movements between it and the read version.
     */
    @Schema(name = "ReconciliationCurrency")
    public record CurrencyTotals(
            @Schema(example = "EUR", pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
            @Schema(description = "The sum of the balances the event store proves", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String storeBalance,
            @Schema(description = "The same, from the SQL read model", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String sqlBalance,
            @Schema(description = "The same, from the accounts index", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String searchBalance,
            @Schema(description = "Money that entered the ledger: every deposit", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String deposited,
            @Schema(description = "Money that left the ledger: every withdrawal", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String withdrawn,
            @Schema(description = "deposited - withdrawn; equals storeBalance", pattern = ApiFormats.DECIMAL,
                    maxLength = ApiFormats.MAX_DECIMAL_LENGTH) String depositedLessWithdrawn) {
    }

    /**
     * An account whose read models do not both agree with the store.
     *
     * @param storeVersion the sequence of its last event at the position; null when it had none yet
     * @param storeBalance its balance at the position; null when it had no event yet
     */
    @Schema(name = "ReconciliationMismatch")
    public record AccountMismatch(
            @Schema(pattern = ApiFormats.ID, maxLength = ApiFormats.MAX_ID_LENGTH) String accountId,
            @Schema(types = {"string", "null"}, pattern = ApiFormats.CURRENCY, maxLength = 3) String currency,
            @Schema(types = {"integer", "null"}, format = "int64", minimum = "0", maximum = "9223372036854775807")
            Long storeVersion,
            @Schema(types = {"string", "null"}, pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH)
            String storeBalance,
            ReadModelAccount sql, ReadModelAccount search) {
    }

    /**
     * One read model's account as compared.
     *
     * @param storeBalanceAtVersion the store's balance after the event of the read model's version
     * @param problem               null when the read model agrees
     */
    @Schema(name = "ReconciliationReadModelAccount")
    public record ReadModelAccount(
            @Schema(types = {"integer", "null"}, format = "int64", minimum = "0", maximum = "9223372036854775807",
                    description = "The sequence of the last event it applied; null when it has no such account")
            Long version,
            @Schema(types = {"string", "null"}, pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH)
            String balance,
            @Schema(types = {"string", "null"}, pattern = ApiFormats.DECIMAL, maxLength = ApiFormats.MAX_DECIMAL_LENGTH,
                    description = "The store's balance after the event of that version; null when the store has none")
            String storeBalanceAtVersion,
            @Schema(types = {"string", "null"}, pattern = "^(BALANCE|CURRENCY|MISSING|LAGGING|NOT_IN_STORE)$",
                    maxLength = 12, description = "Null when it agrees. BALANCE: another balance than the store's "
                    + "at the same version; CURRENCY: another currency; MISSING: the store's account is not there "
                    + "after the catch-up wait; LAGGING: still behind the position after it; NOT_IN_STORE: a "
                    + "version the store does not hold")
            String problem) {
    }

    /** How a read model's account differs from the store's. */
    public enum Problem {
        BALANCE, CURRENCY, MISSING, LAGGING, NOT_IN_STORE
    }
}
