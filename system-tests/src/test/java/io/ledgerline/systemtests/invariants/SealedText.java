package io.ledgerline.systemtests.invariants;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import io.ledgerline.support.personaldata.AesKeyEncryptionKeys;
import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.WrappedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the free text the command side sealed, as its audit API does: under the customer's key
 * from the key table, unwrapped with the key-encryption key of the running system. The clients'
 * requests are recognised by their bookings' descriptions, which the event store keeps only sealed.
 */
final class SealedText {

    private final Path keyEncryptionKeyFile;
    private final PersonalDataCipher cipher = new PersonalDataCipher();

    SealedText(Path keyEncryptionKeyFile) {
        this.keyEncryptionKeyFile = keyEncryptionKeyFile;
    }

    /** Opens values over one connection, each customer's key read once. */
    Reader reader(Connection connection) {
        return new Reader(connection, keyEncryptionKeys());
    }

    private KeyEncryptionKeys keyEncryptionKeys() {
        try {
            byte[] kek = Base64.getDecoder().decode(Files.readString(keyEncryptionKeyFile).trim());
            return AesKeyEncryptionKeys.of(kek, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    final class Reader {

        private final Connection connection;
        private final KeyEncryptionKeys keks;
        private final Map<String, Optional<byte[]>> keys = new HashMap<>();

        private Reader(Connection connection, KeyEncryptionKeys keks) {
            this.connection = connection;
            this.keks = keks;
        }

        /** The text of a value; text written before sealing as it is; "" when its key is gone. */
        String open(String owner, PersonalDataField field, String value) throws SQLException {
            PersonalData data = PersonalData.of(value);
            if (!data.isSealed()) {
                return data.unsealedText();
            }
            Optional<byte[]> key = keys.get(owner);
            if (key == null) {
                key = keyOf(owner);
                keys.put(owner, key);
            }
            return key.map(k -> cipher.open(k, CustomerId.of(owner), field, data)).orElse("");
        }

        private Optional<byte[]> keyOf(String owner) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT key_bytes, kek_id FROM personal_data_keys WHERE customer_id = ?")) {
                query.setString(1, owner);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    // a key without KEK id was stored before wrapping, until the command side's start wraps it
                    String kekId = row.getString("kek_id");
                    byte[] stored = row.getBytes("key_bytes");
                    return Optional.of(kekId == null ? stored : keks.unwrap(new WrappedKey(kekId, stored)));
                }
            }
        }
    }
}
