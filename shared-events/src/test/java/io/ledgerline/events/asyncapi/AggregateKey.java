package io.ledgerline.events.asyncapi;

import io.ledgerline.events.AccountId;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.LedgerEvent;
import io.ledgerline.events.Money;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.TransferId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Currency;
import java.util.Map;
import java.util.function.Function;

/**
 * Which component of an event is its record key, found by asking the record itself: an instance
 * whose every text carries its component's name answers {@link LedgerEvent#aggregateId()} with the
 * name of the component it returns.
 */
record AggregateKey(String component, String aggregateType) {

    /** Each id type is the id of the aggregate of the same name; that name is the ledger-aggregate-type header. */
    private static final Map<Class<?>, Function<String, Object>> IDS = Map.of(
            AccountId.class, AccountId::of,
            CustomerId.class, CustomerId::of,
            TransferId.class, TransferId::of);

    static AggregateKey of(Class<? extends LedgerEvent> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] named = Arrays.stream(components).map(AggregateKey::valueNamed).toArray();
        LedgerEvent event;
        try {
            event = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(named);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName() + " to find its key", e);
        }
        String key = event.aggregateId();
        return Arrays.stream(components)
                .filter(component -> component.getName().equals(key) && IDS.containsKey(component.getType()))
                .findFirst()
                .map(component -> new AggregateKey(component.getName(),
                        component.getType().getSimpleName().replaceFirst("Id$", "")))
                .orElseThrow(() -> new IllegalStateException(type.getSimpleName() + "'s aggregate id is none of its ids"));
    }

    private static Object valueNamed(RecordComponent component) {
        Class<?> type = component.getType();
        String name = component.getName();
        if (IDS.containsKey(type)) {
            return IDS.get(type).apply(name);
        }
        if (type == String.class) {
            return name;
        }
        if (type == PersonalData.class) {
            return PersonalData.sealed(name);
        }
        if (type == Money.class) {
            return Money.of("0", "EUR");
        }
        if (type == Currency.class) {
            return Currency.getInstance("EUR");
        }
        throw new IllegalArgumentException("No sample of " + type.getName() + " for " + name);
    }
}
