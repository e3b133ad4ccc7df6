package io.ledgerline.localstack.kafka;

import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    /** One id in 64 would start with '-', which the storage tool reads as an option and fails on. */
    @RepeatedTest(500)
    void generatesClusterIdsTheStorageToolAccepts() {
        assertThat(KafkaBroker.randomClusterId()).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
    }
}
