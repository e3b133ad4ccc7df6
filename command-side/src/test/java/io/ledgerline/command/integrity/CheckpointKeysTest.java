package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckpointKeysTest {

    private static final byte[] MESSAGE = "a checkpoint hash".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aConfiguredPairVerifiesWhatItsPrivateKeySigned() {
        CheckpointKeys generated = CheckpointKeys.generated();
        CheckpointKeys configured = CheckpointKeys.of(generated.privateKeyBase64(), generated.publicKeyBase64());

        assertThat(configured.verify(MESSAGE, generated.sign(MESSAGE))).isTrue();
        assertThat(configured.publicKeyBase64()).isEqualTo(generated.publicKeyBase64());
    }

    @Test
    void refusesAPublicKeyOfAnotherPair() {
        CheckpointKeys one = CheckpointKeys.generated();
        CheckpointKeys other = CheckpointKeys.generated();

        assertThatThrownBy(() -> CheckpointKeys.of(one.privateKeyBase64(), other.publicKeyBase64()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void refusesAKeyThatIsNotBase64Ed25519() {
        CheckpointKeys keys = CheckpointKeys.generated();

        assertThatThrownBy(() -> CheckpointKeys.of("not a key", keys.publicKeyBase64()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Ed25519 PKCS#8");
    }

    @Test
    void aSignatureOverOtherBytesOrNotBase64DoesNotVerify() {
        CheckpointKeys keys = CheckpointKeys.generated();
        String signature = keys.sign(MESSAGE);

        assertThat(keys.verify("another hash".getBytes(StandardCharsets.US_ASCII), signature)).isFalse();
        assertThat(keys.verify(MESSAGE, "%%%")).isFalse();
        assertThat(keys.verify(MESSAGE, "AAAA")).isFalse();
    }
}
