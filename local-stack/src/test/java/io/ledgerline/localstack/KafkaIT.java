package io.ledgerline.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaIT {

    @Test
    void producesAndConsumesARecordAndLeavesNothingBehind() throws Exception {
        Leftovers leftovers = Leftovers.snapshot();
        Path workDirectory;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withKafka(), System.out::println)) {
            workDirectory = stack.workDirectory().root();
            String bootstrap = stack.kafkaBootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("ledger.events", 3, (short) 1))).all().get();
                assertThat(admin.listTopics().names().get()).contains("ledger.events");
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("ledger.events", "account-1", "{\"type\":\"AccountOpened\"}")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "probe",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.of("ledger.events"));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                }
                assertThat(received).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("account-1");
                    assertThat(record.value()).isEqualTo("{\"type\":\"AccountOpened\"}");
                });
            }
        }
        assertThat(workDirectory).doesNotExist();
        leftovers.assertNoneSinceSnapshot();
    }
}
