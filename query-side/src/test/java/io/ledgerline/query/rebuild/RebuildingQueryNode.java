package io.ledgerline.query.rebuild;

import io.ledgerline.query.QuerySideApplication;
import io.ledgerline.testsupport.apidocs.ApiContract;
import io.ledgerline.testsupport.apidocs.ContractCheckingInterceptor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A second query node in the test's JVM that only rebuilds: its listeners stay stopped, the test's node projects. */
final class RebuildingQueryNode {

    private RebuildingQueryNode() {
    }

    static ConfigurableApplicationContext start(String... settings) {
        // arguments, since they take precedence over the test's application.properties
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.kafka.listener.auto-startup=false"));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(QuerySideApplication.class).run(arguments.toArray(String[]::new));
    }

    /** A client of the node with the given bearer token, whose answers are checked against the published contract. */
    static TestRestTemplate client(String token) {
        return new TestRestTemplate(new RestTemplateBuilder().defaultHeader("Authorization", "Bearer " + token)
                .additionalInterceptors(new ContractCheckingInterceptor(uri -> Optional.of(ApiContract.querySide()))));
    }

    static URI baseUri(ConfigurableApplicationContext node) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port"));
    }
}
