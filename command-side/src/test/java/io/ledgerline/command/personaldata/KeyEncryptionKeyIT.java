package io.ledgerline.command.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.localstack.junit.RealInfrastructure;
import io.ledgerline.support.personaldata.AesKeyEncryptionKeys;
import io.ledgerline.support.personaldata.KeyEncryptionKeyMissing;
import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Customers' data keys under a key-encryption key that is not in the database, on the real key
 * table: new keys are stored wrapped, keys of an earlier release are wrapped at start, and a KEK
 * rotation re-wraps every key without touching an event.
 */
@RealInfrastructure(database = "ledgerline_command")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeyEncryptionKeyIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    KeyEncryptionKeys keks;

    private final PersonalDataCipher cipher = new PersonalDataCipher();

    @Test
    void storesANewCustomersKeyOnlyWrappedUnderTheConfiguredKek() throws Exception {
        String customerId = register();

        Map<String, Object> row = jdbc.queryForMap("SELECT key_bytes, kek_id FROM personal_data_keys WHERE customer_id = ?",
                customerId);

        assertThat(row.get("kek_id")).isEqualTo(keks.currentKekId());
        byte[] stored = (byte[]) row.get("key_bytes");
        byte[] dataKey = new PersonalDataKeyTable(jdbc, keks).keyOf(CustomerId.of(customerId)).orElseThrow();
        assertThat(stored).hasSize(40).isNotEqualTo(dataKey);
        assertThat(new PersonalDataOpener(new PersonalDataKeyTable(jdbc, keks), cipher)
                .open(CustomerId.of(customerId), PersonalDataField.NAME, sealedName(customerId))).startsWith("Ada Lovelace");
    }

    @Test
    void wrapsTheKeysOfAnEarlierReleaseThatWereStoredPlain() {
        CustomerId legacy = CustomerId.of("cust-plain-" + UUID.randomUUID());
        byte[] plainKey = cipher.newKey();
        jdbc.update("INSERT INTO personal_data_keys (customer_id, key_bytes, created_at) VALUES (?, ?, ?)",
                legacy.value(), plainKey, Timestamp.from(Instant.parse("2026-03-01T09:00:00Z")));
        PersonalData name = cipher.seal(plainKey, legacy, PersonalDataField.NAME, "Grace Hopper");

        int rewrapped = new PersonalDataKeyRewrapping(jdbc, transactions, keks).rewrapAll();

        assertThat(rewrapped).isPositive();
        Map<String, Object> row = jdbc.queryForMap("SELECT key_bytes, kek_id FROM personal_data_keys WHERE customer_id = ?",
                legacy.value());
        assertThat(row.get("kek_id")).isEqualTo(keks.currentKekId());
        assertThat((byte[]) row.get("key_bytes")).isNotEqualTo(plainKey);
        assertThat(new PersonalDataOpener(new PersonalDataKeyTable(jdbc, keks), cipher).open(legacy, PersonalDataField.NAME, name))
                .isEqualTo("Grace Hopper");
    }

    @Test
    void rotationRewrapsEveryKeyUnderTheNewKekAndLeavesTheEventsByteForByte() throws Exception {
        String customerId = register();
        PersonalData name = sealedName(customerId);
        List<byte[]> eventsBefore = allEventBytes();
        KeyEncryptionKeys old = keks;
        byte[] newKek = cipher.newKey();
        KeyEncryptionKeys rotating = AesKeyEncryptionKeys.of(newKek, List.of(oldKekBytes()));
        KeyEncryptionKeys newOnly = AesKeyEncryptionKeys.of(newKek, List.of());
        try {
            new PersonalDataKeyRewrapping(jdbc, transactions, rotating).rewrapAll();

            assertThat(jdbc.queryForList("SELECT DISTINCT kek_id FROM personal_data_keys", String.class))
                    .containsExactly(newOnly.currentKekId());
            assertThat(new PersonalDataOpener(new PersonalDataKeyTable(jdbc, newOnly), cipher)
                    .open(CustomerId.of(customerId), PersonalDataField.NAME, name)).startsWith("Ada Lovelace");
            PersonalDataKeyTable underOldKek = new PersonalDataKeyTable(jdbc, old);
            for (String owner : jdbc.queryForList("SELECT customer_id FROM personal_data_keys", String.class)) {
                assertThatThrownBy(() -> underOldKek.keyOf(CustomerId.of(owner))).isInstanceOf(KeyEncryptionKeyMissing.class);
            }
            assertThat(allEventBytes()).usingElementComparator(Arrays::compare).containsExactlyElementsOf(eventsBefore);
        } finally {
            // the other tests of this JVM share the key table and the application's KEK
            new PersonalDataKeyRewrapping(jdbc, transactions, AesKeyEncryptionKeys.of(oldKekBytes(), List.of(newKek)))
                    .rewrapAll();
        }
        assertThat(new PersonalDataOpener(new PersonalDataKeyTable(jdbc, old), cipher).open(CustomerId.of(customerId), PersonalDataField.NAME, name))
                .startsWith("Ada Lovelace");
    }

    private byte[] oldKekBytes() throws Exception {
        return Base64.getDecoder().decode(Files.readString(Path.of("target/personal-data-kek")).trim());
    }

    private List<byte[]> allEventBytes() {
        return jdbc.query("SELECT payload, meta_data FROM domain_event_entry ORDER BY global_index", (row, index) -> {
            byte[] payload = row.getBytes("payload");
            byte[] metadata = row.getBytes("meta_data");
            byte[] both = Arrays.copyOf(payload, payload.length + metadata.length);
            System.arraycopy(metadata, 0, both, payload.length, metadata.length);
            return both;
        });
    }

    private PersonalData sealedName(String customerId) throws Exception {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = 0", byte[].class, customerId);
        return PersonalData.of(json.readTree(payload).path("name").asText());
    }

    private String register() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity("/api/customers", new HttpEntity<>(
                "{\"name\":\"Ada Lovelace " + unique + "\",\"email\":\"ada-" + unique + "@example.org\"}", headers),
                String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return json.readTree(response.getBody()).path("customerId").asText();
    }
}
