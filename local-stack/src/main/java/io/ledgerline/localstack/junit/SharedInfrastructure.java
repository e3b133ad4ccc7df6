package io.ledgerline.localstack.junit;

import io.ledgerline.localstack.InfrastructureEndpoints;

/** Infrastructure shared by all test classes of a JVM; servers are added when a class first needs them. */
interface SharedInfrastructure extends InfrastructureEndpoints, AutoCloseable {

    void ensureStarted(boolean kafka, boolean elasticsearch, boolean zipkin);

    @Override
    void close();
}
