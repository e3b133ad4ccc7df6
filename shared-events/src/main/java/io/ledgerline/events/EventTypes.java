package io.ledgerline.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of published event types. The type name on the wire is the record's simple name;
 * consumers use it to pick the class a payload is read into.
 */
public final class EventTypes {

    private static final List<Class<? extends LedgerEvent>> ALL = List.of(
            CustomerRegistered.class, CustomerDetailsChanged.class, CustomerErased.class,
            AccountOpened.class, MoneyDeposited.class, MoneyWithdrawn.class, AccountFrozen.class,
            AccountUnfrozen.class, OverdraftLimitChanged.class, AccountClosed.class,
            TransferRequested.class, AccountDebitedForTransfer.class, AccountCreditedForTransfer.class,
            TransferDebitReversed.class, TransferDebitSettled.class, TransferCompleted.class, TransferFailed.class);

    private static final Map<String, Class<? extends LedgerEvent>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventTypes() {
    }

    public static List<Class<? extends LedgerEvent>> all() {
        return ALL;
    }

    public static Optional<Class<? extends LedgerEvent>> byName(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static String nameOf(Class<?> eventType) {
        return eventType.getSimpleName();
    }

    public static String revisionOf(Class<?> eventType) {
        EventRevision revision = eventType.getAnnotation(EventRevision.class);
        if (revision == null) {
            throw new IllegalArgumentException(eventType.getName() + " has no @EventRevision");
        }
        return revision.value();
    }
}
