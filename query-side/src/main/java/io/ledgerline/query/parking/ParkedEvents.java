package io.ledgerline.query.parking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code parked_event} table: parked records with everything needed to apply them again. */
@Repository
public class ParkedEvents {

    static final String PARKED = "PARKED";
    static final String RESOLVED = "RESOLVED";
    private static final int MAX_ERROR_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ParkedEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void park(String group, ConsumerRecord<String, byte[]> record, String aggregateId, String eventType,
            String eventId, String error) {
        jdbc.sql("""
                INSERT INTO parked_event (consumer_group, topic, partition_no, record_offset, aggregate_id, event_type,
                                          event_id, record_key, record_value, record_headers, record_timestamp, error,
                                          status, attempts, parked_at)
                VALUES (:group, :topic, :partition, :offset, :aggregateId, :eventType, :eventId, :key, :value,
                        :headers, :timestamp, :error, 'PARKED', 1, :now)
                ON CONFLICT (consumer_group, topic, partition_no, record_offset) DO NOTHING
                """)
                .param("group", group)
                .param("topic", record.topic())
                .param("partition", record.partition())
                .param("offset", record.offset())
                .param("aggregateId", aggregateId)
                .param("eventType", eventType)
                .param("eventId", eventId)
                .param("key", record.key())
                .param("value", record.value())
                .param("headers", RecordHeaderCodec.encode(record.headers()))
                .param("timestamp", Timestamp.from(Instant.ofEpochMilli(record.timestamp())))
                .param("error", truncate(error))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Those of the given aggregates that have a parked event in the group. */
    Set<String> heldAggregates(String group, Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT aggregate_id FROM parked_event
                WHERE consumer_group = :group AND status = 'PARKED' AND aggregate_id = ANY (:aggregateIds)
                """)
                .param("group", group)
                .param("aggregateIds", new HashSet<>(aggregateIds).toArray(String[]::new))
                .query(String.class).list());
    }

    public Optional<ParkedEvent> find(long id) {
        return jdbc.sql("SELECT * FROM parked_event WHERE id = :id").param("id", id).query(ParkedEvents::view).optional();
    }

    public List<ParkedEvent> list(String group, String status, int limit) {
        return jdbc.sql("""
                SELECT * FROM parked_event
                WHERE (CAST(:group AS VARCHAR) IS NULL OR consumer_group = :group)
                  AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                ORDER BY id LIMIT :limit
                """)
                .param("group", group)
                .param("status", status)
                .param("limit", limit)
                .query(ParkedEvents::view).list();
    }

    /** Whether the live projection of the group has parked this very record and not applied it since. */
    public boolean isParked(String group, String topic, int partition, long offset) {
        return jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM parked_event
                               WHERE consumer_group = :group AND topic = :topic AND partition_no = :partition
                                 AND record_offset = :offset AND status = 'PARKED')
                """)
                .param("group", group)
                .param("topic", topic)
                .param("partition", partition)
                .param("offset", offset)
                .query(Boolean.class).single();
    }

    public long countParked(String group) {
        return jdbc.sql("SELECT count(*) FROM parked_event WHERE consumer_group = :group AND status = 'PARKED'")
                .param("group", group)
                .query(Long.class).single();
    }

    /** The parked records of one aggregate in one group, oldest first: the order they must be applied in. */
    List<StoredRecord> parkedChain(String group, String aggregateId) {
        return jdbc.sql("""
                SELECT id, topic, partition_no, record_offset, record_key, record_value, record_headers, record_timestamp
                FROM parked_event
                WHERE consumer_group = :group AND aggregate_id = :aggregateId AND status = 'PARKED'
                ORDER BY partition_no, record_offset
                """)
                .param("group", group)
                .param("aggregateId", aggregateId)
                .query((rs, row) -> new StoredRecord(rs.getLong("id"), record(rs)))
                .list();
    }

    void resolve(long id) {
        jdbc.sql("UPDATE parked_event SET status = 'RESOLVED', resolved_at = :now WHERE id = :id")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    void failedAgain(long id, String error) {
        jdbc.sql("UPDATE parked_event SET error = :error, attempts = attempts + 1 WHERE id = :id")
                .param("id", id)
                .param("error", truncate(error))
                .update();
    }

    private static ConsumerRecord<String, byte[]> record(ResultSet rs) throws SQLException {
        RecordHeaders headers = RecordHeaderCodec.decode(rs.getString("record_headers"));
        return new ConsumerRecord<>(rs.getString("topic"), rs.getInt("partition_no"), rs.getLong("record_offset"),
                rs.getTimestamp("record_timestamp").getTime(), TimestampType.CREATE_TIME, ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE, rs.getString("record_key"), rs.getBytes("record_value"), headers,
                Optional.empty());
    }

    private static ParkedEvent view(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new ParkedEvent(rs.getLong("id"), rs.getString("consumer_group"), rs.getString("topic"),
                rs.getInt("partition_no"), rs.getLong("record_offset"), rs.getString("aggregate_id"),
                rs.getString("event_type"), rs.getString("event_id"), rs.getString("error"), rs.getString("status"),
                rs.getInt("attempts"), rs.getTimestamp("record_timestamp").toInstant(),
                rs.getTimestamp("parked_at").toInstant(), resolved == null ? null : resolved.toInstant());
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    record StoredRecord(long id, ConsumerRecord<String, byte[]> record) {
    }

    /** Headers as text lines "name=base64(value)", since a record's headers may hold any bytes. */
    static final class RecordHeaderCodec {

        private RecordHeaderCodec() {
        }

        static String encode(Iterable<Header> headers) {
            List<String> lines = new ArrayList<>();
            for (Header header : headers) {
                lines.add(header.key() + "=" + Base64.getEncoder().encodeToString(header.value()));
            }
            return String.join("\n", lines);
        }

        static RecordHeaders decode(String text) {
            RecordHeaders headers = new RecordHeaders();
            if (text == null || text.isEmpty()) {
                return headers;
            }
            for (String line : text.split("\n")) {
                int equals = line.indexOf('=');
                headers.add(line.substring(0, equals), Base64.getDecoder().decode(line.substring(equals + 1)));
            }
            return headers;
        }
    }
}
