package io.ledgerline.command.integrity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signing key of checkpoints and how often they are written. The key pair is not in the
 * database: a file ({@code key-file}: the base64 PKCS#8 private key on the first line, the base64
 * X.509 public key on the second) or two values, from the environment
 * ({@code LEDGERLINE_INTEGRITY_CHECKPOINT_PRIVATEKEY}, {@code LEDGERLINE_INTEGRITY_CHECKPOINT_PUBLICKEY}).
 * There is no default key: with checkpoints enabled, a service without one refuses to start.
 *
 * @param enabled       write checkpoints and check them; without it no key is needed and none is checked
 * @param keyFile       a file holding the pair
 * @param createKeyFile create {@code keyFile} with a new pair when it is missing: for local runs and tests
 * @param privateKey    the private key, base64 PKCS#8, when no file is given
 * @param publicKey     its public key, base64 X.509 SubjectPublicKeyInfo
 * @param everyEvents   a checkpoint is written once this many events are safely stored after the last
 *                      one; also the most events one checkpoint covers
 * @param interval      a checkpoint is written this long after the last one when at least one event is
 *                      new, even if fewer than {@code everyEvents}
 */
@ConfigurationProperties("ledgerline.integrity.checkpoint")
public record CheckpointProperties(
        @DefaultValue("true") boolean enabled,
        String keyFile,
        boolean createKeyFile,
        String privateKey,
        String publicKey,
        @DefaultValue("10000") int everyEvents,
        @DefaultValue("60s") Duration interval) {

    public CheckpointProperties {
        if (everyEvents < 1) {
            throw new IllegalArgumentException("ledgerline.integrity.checkpoint.every-events must be positive, was "
                    + everyEvents);
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("ledgerline.integrity.checkpoint.interval must be positive, was " + interval);
        }
    }
}
