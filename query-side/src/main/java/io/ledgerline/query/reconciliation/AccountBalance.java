package io.ledgerline.query.reconciliation;

import java.math.BigDecimal;

/**
 * One account as a store holds it: its currency, the sequence of its last event and its balance.
 *
 * @param version the aggregate sequence of the account's last event in this store
 */
record AccountBalance(String accountId, String currency, long version, BigDecimal balance) {
}
