package io.ledgerline.command.account;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Currencies of accounts already read from the registry. An account never leaves the registry and
 * never changes its currency, so what was read once stays true on every node; the least recently
 * used entries are dropped beyond a bound, so memory stays flat however many accounts there are.
 */
final class KnownCurrencies {

    private final Map<String, Currency> currencies;

    KnownCurrencies(int capacity) {
        this.currencies = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Currency> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Currency> of(String accountId) {
        return Optional.ofNullable(currencies.get(accountId));
    }

    synchronized void remember(String accountId, Currency currency) {
        currencies.put(accountId, currency);
    }
}
