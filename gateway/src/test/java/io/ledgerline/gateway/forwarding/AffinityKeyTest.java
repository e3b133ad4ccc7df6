package io.ledgerline.gateway.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AffinityKeyTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheAggregateOfThePath() {
        assertThat(AffinityKey.of("POST", "/api/accounts/a-1/deposits", new byte[0], json)).contains("account:a-1");
        assertThat(AffinityKey.of("PUT", "/api/accounts/a-1/overdraft-limit", new byte[0], json)).contains("account:a-1");
        assertThat(AffinityKey.of("PUT", "/api/customers/c-1", new byte[0], json)).contains("customer:c-1");
        assertThat(AffinityKey.of("POST", "/api/customers/c-1/erasure", new byte[0], json)).contains("customer:c-1");
    }

    @Test
    void namesTheAccountATransferPaysFrom() {
        byte[] transfer = "{\"fromAccountId\":\"a-7\",\"toAccountId\":\"a-8\",\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(AffinityKey.of("POST", "/api/transfers", transfer, json)).contains("account:a-7");
    }

    @Test
    void namesNoneForNewAggregatesAndUnreadableBodies() {
        assertThat(AffinityKey.of("POST", "/api/accounts", "{}".getBytes(StandardCharsets.UTF_8), json)).isEmpty();
        assertThat(AffinityKey.of("POST", "/api/customers", "{}".getBytes(StandardCharsets.UTF_8), json)).isEmpty();
        assertThat(AffinityKey.of("POST", "/api/transfers", "not json".getBytes(StandardCharsets.UTF_8), json)).isEmpty();
        assertThat(AffinityKey.of("POST", "/api/transfers", "{\"fromAccountId\":7}".getBytes(StandardCharsets.UTF_8), json)).isEmpty();
    }
}
