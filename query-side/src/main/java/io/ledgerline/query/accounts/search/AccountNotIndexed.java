package io.ledgerline.query.accounts.search;

/** An account event arrived for an account whose opening is not in the index. */
class AccountNotIndexed extends RuntimeException {

    AccountNotIndexed(String accountId, String eventType, long sequence) {
        super(eventType + " #" + sequence + " of account " + accountId + " arrived before the account was indexed");
    }
}
