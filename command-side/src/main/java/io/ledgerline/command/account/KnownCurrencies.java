package io.ledgerline.command.account;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Currencies of accounts already read from the registry. An account never leaves the registry and
 * never changes its currency, so what was read once stays true on every node; the least recently
 * used entries are dropped beyond a bound, so memory stays flat however many accounts there are.
 *
 * <p>Every command on an account asks here first, so accounts are spread over stripes by hash,
 * each with its own lock and share of the bound, rather than all queueing on one lock.
 */
final class KnownCurrencies {

    private static final int STRIPES = 16;
    private static final int MIN_ACCOUNTS_PER_STRIPE = 64;

    private final Stripe[] stripes;

    KnownCurrencies(int capacity) {
        // small capacities keep one stripe, so that the bound stays exact where a share would round it
        int count = Math.max(1, Math.min(STRIPES, capacity / MIN_ACCOUNTS_PER_STRIPE));
        this.stripes = new Stripe[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new Stripe(capacity / count + (i < capacity % count ? 1 : 0));
        }
    }

    Optional<Currency> of(String accountId) {
        return stripeOf(accountId).get(accountId);
    }

    void remember(String accountId, Currency currency) {
        stripeOf(accountId).put(accountId, currency);
    }

    private Stripe stripeOf(String accountId) {
        return stripes[Math.floorMod(accountId.hashCode(), stripes.length)];
    }

    private static final class Stripe {

        private final Map<String, Currency> currencies;

        Stripe(int capacity) {
            this.currencies = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Currency> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Optional<Currency> get(String accountId) {
            return Optional.ofNullable(currencies.get(accountId));
        }

        synchronized void put(String accountId, Currency currency) {
            currencies.put(accountId, currency);
        }
    }
}
