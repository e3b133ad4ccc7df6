package io.ledgerline.testsupport.apidocs;

import java.net.URI;
import java.util.Optional;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Every RestTemplate of a test's application context, the injected TestRestTemplate included, holds
 * each answer of the service under test to that service's committed document: {@code docs/api/}
 * {@code <name>.openapi.yaml} for the application named {@code ledgerline-<name>}. Registered for all
 * tests in META-INF/spring/...AutoConfiguration.imports of this module, so no test can do without it.
 */
@AutoConfiguration
public class ApiContractAutoConfiguration {

    private static final String PREFIX = "ledgerline-";

    @Bean
    RestTemplateCustomizer answersAsDocumented(Environment environment) {
        String application = environment.getProperty("spring.application.name", "");
        if (!application.startsWith(PREFIX)) {
            throw new IllegalStateException("No committed API document for the application '" + application
                    + "': its tests' answers cannot be checked");
        }
        ApiContract contract = ApiContract.committed(application.substring(PREFIX.length()) + ".openapi.yaml");
        ContractCheckingInterceptor interceptor = new ContractCheckingInterceptor(
                uri -> isServiceUnderTest(uri, environment) ? Optional.of(contract) : Optional.empty());
        return restTemplate -> restTemplate.getInterceptors().add(interceptor);
    }

    /** Only the service's own answers: anything else a RestTemplate of the context calls has other documents. */
    private static boolean isServiceUnderTest(URI uri, Environment environment) {
        String port = environment.getProperty("local.server.port");
        return port != null && String.valueOf(uri.getPort()).equals(port);
    }
}
