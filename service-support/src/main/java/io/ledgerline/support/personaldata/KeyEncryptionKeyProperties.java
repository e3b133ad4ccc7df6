package io.ledgerline.support.personaldata;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service finds its key-encryption keys: each is an AES-256 key, base64, in a file or in a
 * value (from the environment, {@code LEDGERLINE_PERSONALDATA_KEK_KEY}). There is no default: a
 * service without one refuses to start.
 *
 * @param file          a file holding the current KEK
 * @param key           the current KEK itself, when no file is given
 * @param previousFiles retired KEKs that still unwrap keys not yet re-wrapped under the current one
 * @param previousKeys  the same as values
 * @param createFile    create {@code file} with a new random KEK when it is missing: for local runs and tests
 */
@ConfigurationProperties("ledgerline.personal-data.kek")
public record KeyEncryptionKeyProperties(String file, String key, List<String> previousFiles,
        List<String> previousKeys, boolean createFile) {

    public KeyEncryptionKeyProperties {
        previousFiles = previousFiles == null ? List.of() : List.copyOf(previousFiles);
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }
}
