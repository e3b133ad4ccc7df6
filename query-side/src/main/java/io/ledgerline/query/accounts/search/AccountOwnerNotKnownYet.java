package io.ledgerline.query.accounts.search;

import io.ledgerline.query.parking.RemoteStoreFailure;

/**
 * Text stored before sealing was booked on an account whose opening neither this projection nor
 * the accounts index has seen yet. The accounts projection gets there, so it is waited out like an
 * unavailable store (503) rather than parked.
 */
public class AccountOwnerNotKnownYet extends RuntimeException implements RemoteStoreFailure {

    public AccountOwnerNotKnownYet(String accountId) {
        super("The owner of account " + accountId + " is not in the accounts index yet");
    }

    @Override
    public int status() {
        return 503;
    }
}
