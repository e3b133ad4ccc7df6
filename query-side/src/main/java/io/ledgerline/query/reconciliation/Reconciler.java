package io.ledgerline.query.reconciliation;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares every account of the read models with the event store at one position.
 *
 * <p>The position G is the store's highest global index when the run starts. The store's accounts at
 * G, the SQL rows and the index's documents are read side by side in the order of the accounts' ids
 * (three cursors, a page each), and each account is judged once:
 * <ul>
 *   <li>a read model at the store's version at G is compared with the store's balance at G;</li>
 *   <li>a read model past it (events after G were projected meanwhile) is compared with the store's
 *       balance after the event of the read model's version, which the store must hold;</li>
 *   <li>a read model behind it, or without the account, is read again until it reaches G's version or
 *       {@code catch-up-timeout} is over, then compared at its version: still behind is LAGGING. It is read again
 *       when the SQL projection announces the account at that version ({@link CatchUpSignals}), and all
 *       waiting accounts every {@link #INDEX_LOOK_INTERVAL}, as the accounts index announces nothing.</li>
 * </ul>
 * A read model is asynchronous but never ahead of the store and never in between two of its versions,
 * so live traffic causes no false alarm.
 */
class Reconciler {

    /**
     * How often every waiting account is read again. The accounts index announces no writes, so a document
     * that catches up after its SQL row is only seen so; it bounds how late a caught-up account is judged.
     */
    static final Duration INDEX_LOOK_INTERVAL = Duration.ofMillis(500);

    private final StoredBalances store;
    private final SqlBalances sql;
    private final SearchBalances search;
    private final CatchUpSignals catchUp;
    private final ReconciliationProperties properties;
    private final Clock clock;

    Reconciler(StoredBalances store, SqlBalances sql, SearchBalances search, CatchUpSignals catchUp,
            ReconciliationProperties properties, Clock clock) {
        this.store = store;
        this.sql = sql;
        this.search = search;
        this.catchUp = catchUp;
        this.properties = properties;
        this.clock = clock;
    }

    private record Waiting(String accountId, AccountBalance atPosition) {
    }

    ReconciliationReport run() throws SQLException, IOException, InterruptedException {
        Instant started = clock.instant();
        long position = store.head();
        ReconciliationTally tally = new ReconciliationTally(properties.maxListedAccounts());
        List<Waiting> waiting = new ArrayList<>();
        try (RowCursor<StoredBalances.StoredAccount> stored = store.asOf(position);
                RowCursor<AccountBalance> rows = sql.all()) {
            SearchBalances.Pages documents = search.all();
            String accountId;
            while ((accountId = first(stored.peek() == null ? null : stored.peek().balance().accountId(),
                    rows.peek() == null ? null : rows.peek().accountId(),
                    documents.peek() == null ? null : documents.peek().accountId())) != null) {
                StoredBalances.StoredAccount inStore = null;
                if (stored.peek() != null && stored.peek().balance().accountId().equals(accountId)) {
                    inStore = stored.take();
                    tally.stored(inStore);
                }
                AccountBalance atPosition = inStore == null ? null : inStore.balance();
                AccountBalance row = rows.peek() != null && rows.peek().accountId().equals(accountId) ? rows.take() : null;
                AccountBalance document = documents.peek() != null && documents.peek().accountId().equals(accountId)
                        ? documents.take() : null;
                if ((behind(atPosition, row) || behind(atPosition, document))
                        && waiting.size() < properties.maxWaitingAccounts()) {
                    waiting.add(new Waiting(accountId, atPosition));
                } else {
                    judge(tally, accountId, atPosition, row, document);
                }
            }
        }
        awaitCatchUp(waiting, tally);
        return tally.report(position, started, clock.instant());
    }

    private void awaitCatchUp(List<Waiting> waiting, ReconciliationTally tally)
            throws IOException, InterruptedException {
        // awaited before the first look, so that an announcement made since the scan read the account is not missed
        waiting.forEach(account -> catchUp.await(account.accountId(), account.atPosition().version()));
        try {
            Instant deadline = clock.instant().plus(properties.catchUpTimeout());
            Set<String> announced = Set.of();
            Instant nextLookAtAll = clock.instant();
            while (!waiting.isEmpty()) {
                Instant now = clock.instant();
                boolean over = !now.isBefore(deadline);
                boolean all = over || !now.isBefore(nextLookAtAll);
                if (all) {
                    nextLookAtAll = now.plus(INDEX_LOOK_INTERVAL);
                }
                for (Iterator<Waiting> each = waiting.iterator(); each.hasNext(); ) {
                    Waiting account = each.next();
                    if (all || announced.contains(account.accountId())) {
                        AccountBalance row = sql.one(account.accountId()).orElse(null);
                        AccountBalance document = search.one(account.accountId()).orElse(null);
                        if (over || !(behind(account.atPosition(), row) || behind(account.atPosition(), document))) {
                            judge(tally, account.accountId(), account.atPosition(), row, document);
                            catchUp.forget(account.accountId());
                            each.remove();
                        }
                    }
                }
                if (!waiting.isEmpty()) {
                    Instant wakeUp = nextLookAtAll.isBefore(deadline) ? nextLookAtAll : deadline;
                    announced = catchUp.arrivals(Duration.between(clock.instant(), wakeUp));
                }
            }
        } finally {
            waiting.forEach(account -> catchUp.forget(account.accountId()));
        }
    }

    private void judge(ReconciliationTally tally, String accountId, AccountBalance atPosition, AccountBalance row,
            AccountBalance document) {
        Judgement inSql = Judgement.of(atPosition, row, atVersion(accountId, atPosition, row));
        Judgement inSearch = Judgement.of(atPosition, document, atVersion(accountId, atPosition, document));
        tally.judged(accountId, currency(atPosition, row, document), atPosition, inSql, inSearch);
    }

    /** The store's account after the event of the read version: the position's, or looked up. */
    private AccountBalance atVersion(String accountId, AccountBalance atPosition, AccountBalance read) {
        if (read == null) {
            return null;
        }
        if (atPosition != null && atPosition.version() == read.version()) {
            return atPosition;
        }
        Optional<AccountBalance> stored = store.atVersion(accountId, read.version());
        return stored.orElse(null);
    }

    private static boolean behind(AccountBalance atPosition, AccountBalance read) {
        return atPosition != null && (read == null || read.version() < atPosition.version());
    }

    private static String currency(AccountBalance atPosition, AccountBalance row, AccountBalance document) {
        if (atPosition != null && atPosition.currency() != null) {
            return atPosition.currency();
        }
        return row != null ? row.currency() : document != null ? document.currency() : null;
    }

    /** The smallest id: ids are ASCII (see ApiFormats.ID), ordered alike by String, PostgreSQL's "C" collation and a keyword sort. */
    private static String first(String... accountIds) {
        String first = null;
        for (String accountId : accountIds) {
            if (accountId != null && (first == null || accountId.compareTo(first) < 0)) {
                first = accountId;
            }
        }
        return first;
    }
}
