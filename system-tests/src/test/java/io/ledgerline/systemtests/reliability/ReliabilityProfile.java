package io.ledgerline.systemtests.reliability;

import java.time.Duration;

/**
 * How hard the scenarios push: {@code reduced} (the default, what {@code ./mvnw verify} runs) or
 * {@code long} with {@code -Dledgerline.reliability=long}.
 *
 * @param clients            concurrent client threads
 * @param hotAccounts        accounts each scenario's clients fight over
 * @param operationsPerPhase requests answered before, during and after each disruption
 * @param outage             the least time a stopped server stays down
 * @param pacedRate          requests per second of all clients together in the disruption scenarios
 *                           (the concurrency scenario is unpaced)
 */
record ReliabilityProfile(String name, int clients, int hotAccounts, int operationsPerPhase, Duration outage,
        double pacedRate) {

    static final String PROPERTY = "ledgerline.reliability";

    /**
     * Paced at 6 requests a second, a phase's 60 requests take 10 s. At 12 a second the scale-out scenario found the
     * saga's token held by neither command-side node (a single read, 5 s sooner after the second node started) once in
     * one run on a busy machine: the rate stays until that read waits for a holder.
     */
    private static final ReliabilityProfile REDUCED =
            new ReliabilityProfile("reduced", 32, 6, 60, Duration.ofSeconds(8), 6);
    private static final ReliabilityProfile LONG =
            new ReliabilityProfile("long", 64, 12, 3_000, Duration.ofSeconds(60), 40);

    static ReliabilityProfile current() {
        return "long".equalsIgnoreCase(System.getProperty(PROPERTY, "reduced").strip()) ? LONG : REDUCED;
    }
}
