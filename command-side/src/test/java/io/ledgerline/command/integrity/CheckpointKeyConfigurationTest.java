package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointKeyConfigurationTest {

    private static final byte[] MESSAGE = "a checkpoint hash".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path directory;

    @Nested
    class FromValues {

        @Test
        void loadsThePairGivenAsValues() {
            CheckpointKeys pair = CheckpointKeys.generated();

            CheckpointKeys loaded = CheckpointKeys.from(properties(null, false, pair.privateKeyBase64(), pair.publicKeyBase64()));

            assertThat(pair.publicKey().verify(MESSAGE, loaded.sign(MESSAGE))).isTrue();
        }

        @Test
        void refusesAPublicKeyThatDoesNotMatchThePrivateKey() {
            CheckpointKeys one = CheckpointKeys.generated();
            CheckpointKeys other = CheckpointKeys.generated();

            assertThatThrownBy(() -> CheckpointKeys.from(properties(null, false, one.privateKeyBase64(),
                    other.publicKeyBase64()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        }

        @Test
        void refusesAPrivateKeyWithoutItsPublicKey() {
            assertThatThrownBy(() -> CheckpointKeys.from(properties(null, false,
                    CheckpointKeys.generated().privateKeyBase64(), null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ledgerline.integrity.checkpoint.public-key");
        }
    }

    @Nested
    class FromAFile {

        @Test
        void readsThePairFromTheFileTheFirstLineThePrivateKey() throws Exception {
            CheckpointKeys pair = CheckpointKeys.generated();
            Path file = directory.resolve("checkpoint-key");
            Files.writeString(file, pair.privateKeyBase64() + "\n" + pair.publicKeyBase64() + "\n");

            CheckpointKeys loaded = CheckpointKeys.from(properties(file.toString(), false, null, null));

            assertThat(loaded.publicKeyBase64()).isEqualTo(pair.publicKeyBase64());
            assertThat(pair.publicKey().verify(MESSAGE, loaded.sign(MESSAGE))).isTrue();
        }

        @Test
        void createsAPairWhenAskedAndTheFileIsMissingThenKeepsIt() {
            Path file = directory.resolve("local/checkpoint-key");

            CheckpointKeys created = CheckpointKeys.from(properties(file.toString(), true, null, null));
            CheckpointKeys again = CheckpointKeys.from(properties(file.toString(), true, null, null));

            assertThat(file).exists();
            assertThat(again.publicKeyBase64()).isEqualTo(created.publicKeyBase64());
        }

        @Test
        void refusesAMissingFileUnlessAskedToCreateIt() {
            Path file = directory.resolve("checkpoint-key");

            assertThatThrownBy(() -> CheckpointKeys.from(properties(file.toString(), false, null, null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(file.toString());
        }

        @Test
        void refusesAFileWhosePublicKeyIsAnotherPairs() throws Exception {
            Path file = directory.resolve("checkpoint-key");
            Files.writeString(file, CheckpointKeys.generated().privateKeyBase64() + "\n"
                    + CheckpointKeys.generated().publicKeyBase64() + "\n");

            assertThatThrownBy(() -> CheckpointKeys.from(properties(file.toString(), false, null, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
        }
    }

    @Test
    void refusesToStartWithoutAKeyWhileCheckpointsAreEnabled() {
        assertThatThrownBy(() -> CheckpointKeys.from(properties(null, false, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ledgerline.integrity.checkpoint.key-file")
                .hasMessageContaining("LEDGERLINE_INTEGRITY_CHECKPOINT_PRIVATEKEY");
    }

    @Test
    void refusesAScheduleThatCannotWriteAnything() {
        assertThatThrownBy(() -> new CheckpointProperties(true, null, false, null, null, 0, Duration.ofSeconds(60)))
                .hasMessageContaining("every-events");
        assertThatThrownBy(() -> new CheckpointProperties(true, null, false, null, null, 10, Duration.ZERO))
                .hasMessageContaining("interval");
    }

    private static CheckpointProperties properties(String keyFile, boolean createKeyFile, String privateKey,
            String publicKey) {
        return new CheckpointProperties(true, keyFile, createKeyFile, privateKey, publicKey, 10_000, Duration.ofSeconds(60));
    }
}
