package io.ledgerline.systemtests.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Every request the clients sent, with its answer, and the disruptions that excuse missing answers. */
public final class Journal {

    private final ConcurrentLinkedQueue<Operation> operations = new ConcurrentLinkedQueue<>();
    private final List<Disruption> disruptions = new CopyOnWriteArrayList<>();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    public void record(Operation operation) {
        operations.add(operation);
        recorded.incrementAndGet();
        if (operation.outcome() == Outcome.ACCEPTED) {
            accepted.incrementAndGet();
        }
    }

    public long size() {
        return recorded.get();
    }

    public long acceptedCount() {
        return accepted.get();
    }

    /** Marks the start of a deliberate outage; call {@link Disruption#end()} once the system is back. */
    public Disruption disruption(String what, Collection<URI> affectedCommandSides) {
        Disruption disruption = new Disruption(what, Set.copyOf(affectedCommandSides));
        disruptions.add(disruption);
        return disruption;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    public List<Operation> operations(String scenario) {
        return operations.stream().filter(operation -> operation.scenario().equals(scenario)).toList();
    }

    /** 5xx answers other than 503, and 503s or missing answers that no disruption explains. */
    public List<String> violations(String scenario) {
        List<String> violations = new ArrayList<>();
        for (Operation operation : operations(scenario)) {
            boolean bug = operation.outcome() == Outcome.SERVER_ERROR;
            boolean unexplained = (operation.outcome() == Outcome.UNAVAILABLE || operation.outcome() == Outcome.NO_ANSWER)
                    && disruptions.stream().noneMatch(disruption -> disruption.excuses(operation));
            if (bug || unexplained) {
                violations.add((bug ? "server error: " : "unexplained failure: ") + operation);
            }
        }
        return violations;
    }

    public Map<Outcome, Long> outcomes(String scenario) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Operation operation : operations(scenario)) {
            counts.merge(operation.outcome(), 1L, Long::sum);
        }
        return counts;
    }
}
