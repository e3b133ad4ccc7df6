package io.ledgerline.query.search.accounts;

/**
 * A customer's current name and email, kept so that an account opened after its customer's events
 * can take them over. Erasure keeps the document with the personal data removed, so that an older
 * redelivered event cannot bring the data back (its external version is lower).
 */
record CustomerDocument(String customerId, String name, String email, boolean erased) {

    static CustomerDocument erased(String customerId) {
        return new CustomerDocument(customerId, null, null, true);
    }
}
