package io.ledgerline.localstack.junit;

import io.ledgerline.localstack.InfrastructureEndpoints;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;

/**
 * Starts the servers a {@link RealInfrastructure} class asks for, once per test JVM, and sets
 * Spring's connection properties as system properties before the class's Spring context starts.
 *
 * <p>The servers live in the root context's store, so JUnit closes them after the last test class
 * of the run. Selection by system property {@value #INFRA_PROPERTY}: {@code embedded} (default)
 * or {@code testcontainers}.
 */
public final class RealInfrastructureExtension implements BeforeAllCallback {

    public static final String INFRA_PROPERTY = "ledgerline.infra";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealInfrastructureExtension.class);

    private static volatile SharedInfrastructure current;

    /** Addresses of the running servers, for tests that talk to them directly. */
    public static InfrastructureEndpoints stack() {
        SharedInfrastructure infrastructure = current;
        if (infrastructure == null) {
            throw new IllegalStateException("No infrastructure running: annotate the test class with @RealInfrastructure");
        }
        return infrastructure;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RealInfrastructure request = requestOf(context.getRequiredTestClass());
        SharedInfrastructure infrastructure = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StoredInfrastructure.class, key -> new StoredInfrastructure(create()), StoredInfrastructure.class)
                .infrastructure();
        infrastructure.ensureStarted(request.kafka(), request.elasticsearch(), request.zipkin());
        current = infrastructure;

        System.setProperty("spring.datasource.url", infrastructure.postgresJdbcUrl(request.database()));
        System.setProperty("spring.datasource.username", infrastructure.postgresUser());
        System.setProperty("spring.datasource.password", infrastructure.postgresPassword());
        if (request.kafka()) {
            System.setProperty("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        }
        if (request.elasticsearch()) {
            System.setProperty("spring.elasticsearch.uris", infrastructure.elasticsearchUri());
        }
        if (request.zipkin()) {
            System.setProperty("management.zipkin.tracing.endpoint", infrastructure.zipkinSpansEndpoint());
            System.setProperty("management.zipkin.tracing.export.enabled", "true");
        }
    }

    /** A {@code @Nested} test class inherits the request of the class it is nested in. */
    private static RealInfrastructure requestOf(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<RealInfrastructure> request = AnnotationSupport.findAnnotation(type, RealInfrastructure.class);
            if (request.isPresent()) {
                return request.get();
            }
        }
        throw new IllegalStateException("RealInfrastructureExtension needs @RealInfrastructure on " + testClass.getName());
    }

    private static SharedInfrastructure create() {
        String mode = System.getProperty(INFRA_PROPERTY, "embedded").trim();
        return switch (mode) {
            case "", "embedded" -> new EmbeddedInfrastructure();
            // a separate class, so the embedded path never loads Testcontainers
            case "testcontainers" -> new ContainerInfrastructure();
            default -> throw new IllegalStateException(INFRA_PROPERTY + "=" + mode + " is unknown; use embedded or testcontainers");
        };
    }

    /** Closed by JUnit when the root context closes, at the end of the test run. */
    private record StoredInfrastructure(SharedInfrastructure infrastructure)
            implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            current = null;
            infrastructure.close();
        }
    }
}
