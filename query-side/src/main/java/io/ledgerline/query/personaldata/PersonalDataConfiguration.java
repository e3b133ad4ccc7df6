package io.ledgerline.query.personaldata;

import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projections open sealed names and emails as they write them. Every opening asks the key table:
 * nothing keeps a key, so an erasure's deleted key stops working at once, and a rebuild (or any
 * late projection) of an erased customer's events writes the mask.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyStoreProperties.class)
class PersonalDataConfiguration {

    @Bean
    KeyStoreConnection keyStoreConnection(KeyStoreProperties properties) {
        return new KeyStoreConnection(properties);
    }

    @Bean
    PersonalDataOpener personalDataOpener(KeyStoreConnection keyStore) {
        return new PersonalDataOpener(keyStore.keyTable(), new PersonalDataCipher());
    }
}
