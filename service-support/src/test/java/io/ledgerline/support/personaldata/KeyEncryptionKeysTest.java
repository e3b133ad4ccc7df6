package io.ledgerline.support.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeysTest {

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final byte[] first = cipher.newKey();
    private final byte[] second = cipher.newKey();

    @Nested
    class Wrapping {

        @Test
        void unwrapsWhatItWrapped() {
            KeyEncryptionKeys keks = AesKeyEncryptionKeys.of(first, List.of());
            byte[] dataKey = cipher.newKey();

            WrappedKey wrapped = keks.wrap(dataKey);

            assertThat(HexFormat.of().formatHex(wrapped.bytes())).doesNotContain(HexFormat.of().formatHex(dataKey));
            assertThat(wrapped.kekId()).isEqualTo(keks.currentKekId());
            assertThat(keks.unwrap(wrapped)).isEqualTo(dataKey);
        }

        @Test
        void namesEachKekByAFingerprintThatIsNotTheKey() {
            String id = AesKeyEncryptionKeys.of(first, List.of()).currentKekId();

            assertThat(id).hasSize(16).isNotEqualTo(AesKeyEncryptionKeys.of(second, List.of()).currentKekId());
            assertThat(Base64.getEncoder().encodeToString(first)).doesNotContain(id);
        }

        @Test
        void refusesAKeyWrappedUnderAKekItDoesNotHold() {
            WrappedKey underFirst = AesKeyEncryptionKeys.of(first, List.of()).wrap(cipher.newKey());

            assertThatThrownBy(() -> AesKeyEncryptionKeys.of(second, List.of()).unwrap(underFirst))
                    .isInstanceOf(KeyEncryptionKeyMissing.class).hasMessageContaining(underFirst.kekId());
        }

        @Test
        void refusesAWrappedKeyThatWasChanged() {
            KeyEncryptionKeys keks = AesKeyEncryptionKeys.of(first, List.of());
            WrappedKey wrapped = keks.wrap(cipher.newKey());
            wrapped.bytes()[3] ^= 1;

            assertThatThrownBy(() -> keks.unwrap(wrapped)).isInstanceOf(KeyEncryptionKeyMissing.class);
        }

        @Test
        void aPreviousKekStillUnwrapsButNewKeysAreWrappedUnderTheCurrentOne() {
            byte[] dataKey = cipher.newKey();
            WrappedKey underFirst = AesKeyEncryptionKeys.of(first, List.of()).wrap(dataKey);
            KeyEncryptionKeys rotating = AesKeyEncryptionKeys.of(second, List.of(first));

            assertThat(rotating.unwrap(underFirst)).isEqualTo(dataKey);
            assertThat(rotating.wrap(dataKey).kekId()).isEqualTo(AesKeyEncryptionKeys.of(second, List.of()).currentKekId());
        }

        @Test
        void refusesAKekThatIsNotAnAes256Key() {
            assertThatThrownBy(() -> AesKeyEncryptionKeys.of(new byte[16], List.of()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        }
    }

    @Nested
    class Configuration {

        @TempDir
        Path directory;

        @Test
        void refusesToStartWithoutAConfiguredKek() {
            assertThatThrownBy(() -> AesKeyEncryptionKeys.from(new KeyEncryptionKeyProperties(null, null, null, null, false)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledgerline.personal-data.kek.file")
                    .hasMessageContaining("LEDGERLINE_PERSONALDATA_KEK_KEY");
        }

        @Test
        void refusesAMissingKekFileUnlessAskedToCreateIt() {
            Path file = directory.resolve("kek");

            assertThatThrownBy(() -> AesKeyEncryptionKeys.from(new KeyEncryptionKeyProperties(file.toString(), null, null,
                    null, false))).isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
        }

        @Test
        void createsAKekFileOnceReadableOnlyByItsOwner() throws Exception {
            Path file = directory.resolve("local/kek");
            KeyEncryptionKeyProperties creating = new KeyEncryptionKeyProperties(file.toString(), null, null, null, true);

            KeyEncryptionKeys created = AesKeyEncryptionKeys.from(creating);
            KeyEncryptionKeys again = AesKeyEncryptionKeys.from(creating);

            assertThat(again.currentKekId()).isEqualTo(created.currentKekId());
            assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }

        @Test
        void readsTheKekFromAValueAsFromAFile() throws Exception {
            Path file = directory.resolve("kek");
            Files.writeString(file, Base64.getEncoder().encodeToString(first) + "\n");

            String fromFile = AesKeyEncryptionKeys.from(new KeyEncryptionKeyProperties(file.toString(), null, null, null,
                    false)).currentKekId();
            String fromValue = AesKeyEncryptionKeys.from(new KeyEncryptionKeyProperties(null,
                    Base64.getEncoder().encodeToString(first), null, null, false)).currentKekId();

            assertThat(fromFile).isEqualTo(fromValue).isEqualTo(AesKeyEncryptionKeys.of(first, List.of()).currentKekId());
        }

        @Test
        void unwrapsWithPreviousKeksFromFilesAndValues() throws Exception {
            Path old = directory.resolve("old-kek");
            Files.writeString(old, Base64.getEncoder().encodeToString(first));
            byte[] dataKey = cipher.newKey();
            WrappedKey underFirst = AesKeyEncryptionKeys.of(first, List.of()).wrap(dataKey);

            KeyEncryptionKeys rotating = AesKeyEncryptionKeys.from(new KeyEncryptionKeyProperties(null,
                    Base64.getEncoder().encodeToString(second), List.of(old.toString()), null, false));

            assertThat(rotating.unwrap(underFirst)).isEqualTo(dataKey);
        }
    }
}
