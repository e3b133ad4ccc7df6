package io.ledgerline.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.support.kafka.KafkaClusterHealthIndicator;
import io.ledgerline.support.kafka.LedgerTopicProperties;
import io.ledgerline.support.web.ProblemDetailsAdvice;
import io.ledgerline.support.web.ProblemErrorController;
import io.ledgerline.support.web.ProblemErrorReportValve;
import io.ledgerline.support.web.RequestBodyLimitFilter;
import io.ledgerline.support.web.StrictUtf8RequestBodyAdvice;
import io.ledgerline.support.web.WebLimitsProperties;
import io.ledgerline.support.web.apidocs.ApiDocumentProperties;
import io.ledgerline.support.web.apidocs.PublishedApiDocument;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the shared error contract, the ledger.events topic and the Kafka health indicator into each
 * service. It runs before Spring Boot's error page configuration, whose error controller stands
 * back for the problem+json one here.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class, before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication
@Import({ProblemDetailsAdvice.class, ProblemErrorController.class, StrictUtf8RequestBodyAdvice.class})
@EnableConfigurationProperties({LedgerTopicProperties.class, WebLimitsProperties.class})
public class ServiceSupportAutoConfiguration {

    /**
     * Both services declare the topic with the same settings, so either may start first. The log
     * keeps every event forever: replays and rebuilds start from its beginning.
     */
    @Bean
    NewTopic ledgerEventsTopic(LedgerTopicProperties properties) {
        return TopicBuilder.name(LedgerHeaders.TOPIC)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .config(TopicConfig.RETENTION_BYTES_CONFIG, "-1")
                .build();
    }

    /**
     * Runs right after Spring Security's filter chain, before any other filter or handler reads a body.
     * Not before it: this filter reads a chunked body up front, and an anonymous caller trickling one
     * in would hold a request thread for as long as it likes; after it, such a request is answered 401
     * unread. Nothing in the security chain reads a body (bearer tokens come from the header only).
     */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimitsProperties limits,
            ObjectMapper objectMapper) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.maxRequestBody().toBytes(), objectMapper));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** Requests Tomcat refuses itself (an encoded NUL in the path) are answered as problem+json too. */
    @Bean
    @ConditionalOnClass(Tomcat.class)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaClusterHealthIndicator(kafkaAdmin);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    @EnableConfigurationProperties(ApiDocumentProperties.class)
    static class ApiDocumentConfiguration {

        @Bean
        PublishedApiDocument publishedApiDocument(ApiDocumentProperties properties) {
            return new PublishedApiDocument(properties);
        }
    }
}
