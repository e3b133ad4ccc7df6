package io.ledgerline.command.personaldata;

import io.ledgerline.events.LedgerHeaders;
import io.ledgerline.localstack.junit.RealInfrastructureExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** The records of ledger.events as consumers receive them, value and headers, read from the topic's beginning. */
final class PublishedRecords {

    private PublishedRecords() {
    }

    /** Reads the records of these keys until those read so far are enough. */
    static List<ConsumerRecord<String, byte[]>> read(Set<String> keys,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructureExtension.stack().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(LedgerHeaders.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                });
                return enough.test(found);
            });
        }
        return found;
    }

    static String typeOf(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(LedgerHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }
}
