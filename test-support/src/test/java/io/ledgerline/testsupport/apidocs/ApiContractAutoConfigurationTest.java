package io.ledgerline.testsupport.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.client.RestTemplateBuilder;

class ApiContractAutoConfigurationTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RestTemplateAutoConfiguration.class,
                    ApiContractAutoConfiguration.class));

    @Test
    void everyRestTemplateBuiltInAServicesTestContextChecksItsAnswers() {
        contexts.withPropertyValues("spring.application.name=ledgerline-query-side").run(context ->
                assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
                        .hasAtLeastOneElementOfType(ContractCheckingInterceptor.class));
    }

    @Test
    void refusesToStartForAnApplicationWithoutACommittedDocument() {
        contexts.withPropertyValues("spring.application.name=something-else").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("No committed API document for the application 'something-else'"));
    }
}
