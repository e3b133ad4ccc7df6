package io.ledgerline.query.personaldata;

import io.ledgerline.support.personaldata.AesKeyEncryptionKeys;
import io.ledgerline.support.personaldata.KeyEncryptionKeyProperties;
import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeys;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections open sealed names and emails as they write them. Every opening asks the key table:
 * nothing keeps a key, so an erasure's deleted key stops working at once, and a rebuild (or any
 * late projection) of an erased customer's events writes the mask. The keys in the table are
 * wrapped: the query side needs the same key-encryption key as the command side to unwrap them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeyStoreProperties.class, KeyEncryptionKeyProperties.class})
class PersonalDataConfiguration {

    @Bean
    KeyStoreConnection keyStoreConnection(KeyStoreProperties properties, DataSource ownDatabase) {
        return new KeyStoreConnection(properties, ownDatabase);
    }

    /** Fails the start when no KEK is configured: without it no key in the table opens. */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(KeyEncryptionKeyProperties properties) {
        return AesKeyEncryptionKeys.from(properties);
    }

    @Bean
    PersonalDataKeys personalDataKeys(KeyStoreConnection keyStore, KeyEncryptionKeys keks) {
        return keyStore.keyTable(keks);
    }

    @Bean
    PersonalDataOpener personalDataOpener(PersonalDataKeys keys) {
        return new PersonalDataOpener(keys, new PersonalDataCipher());
    }
}
