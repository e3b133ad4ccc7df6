package io.ledgerline.query.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import io.ledgerline.query.CustomerKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** What the search integration tests share: real servers, the search API, and events to publish. */
@RealInfrastructure(database = "ledgerline_query", elasticsearch = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SearchApiIT {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    protected LedgerRecords events;
    protected SearchApi api;
    protected CustomerKeys keys;

    @BeforeEach
    void connect() {
        events = new LedgerRecords(RealInfrastructureExtension.stack().kafkaBootstrapServers(), json);
        api = new SearchApi(http, json);
        keys = CustomerKeys.inTestKeyStore();
    }

    @AfterEach
    void disconnect() {
        events.close();
    }
}
