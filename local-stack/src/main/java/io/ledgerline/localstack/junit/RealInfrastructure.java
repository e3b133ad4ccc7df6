package io.ledgerline.localstack.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class real PostgreSQL, Kafka and (on request) Elasticsearch servers,
 * started once per test JVM and shared by all classes, and points Spring's connection properties
 * at them. Place it before {@code @SpringBootTest} so the properties are set before the context
 * starts. With {@code -Dledgerline.infra=testcontainers} the servers run in Docker containers instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
public @interface RealInfrastructure {

    /** Database the application under test uses; spring.datasource.url/username/password point at it. */
    String database();

    /** Start Kafka and set spring.kafka.bootstrap-servers. */
    boolean kafka() default true;

    /** Start Elasticsearch and set spring.elasticsearch.uris. */
    boolean elasticsearch() default false;

    /**
     * Start a Zipkin server, set management.zipkin.tracing.endpoint and switch the span export on, so
     * the application's spans land there.
     */
    boolean zipkin() default false;
}
