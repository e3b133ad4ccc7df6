package io.ledgerline.command.personaldata;

import io.ledgerline.support.personaldata.AesKeyEncryptionKeys;
import io.ledgerline.support.personaldata.KeyEncryptionKeyProperties;
import io.ledgerline.support.personaldata.KeyEncryptionKeys;
import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyEncryptionKeyProperties.class)
class PersonalDataConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher();
    }

    /** Fails the start when no KEK is configured: keys must never be written plain again. */
    @Bean
    KeyEncryptionKeys keyEncryptionKeys(KeyEncryptionKeyProperties properties) {
        return AesKeyEncryptionKeys.from(properties);
    }

    @Bean
    PersonalDataKeyTable personalDataKeyTable(JdbcTemplate jdbc, KeyEncryptionKeys keks) {
        return new PersonalDataKeyTable(jdbc, keks);
    }

    /** Opens personal data for the audit API, on the command side's own database where the keys live. */
    @Bean
    PersonalDataOpener personalDataOpener(PersonalDataKeyTable keys, PersonalDataCipher cipher) {
        return new PersonalDataOpener(keys, cipher);
    }

    /**
     * Wraps keys stored plain by an earlier release, and completes a KEK rotation: started with a new
     * KEK and the old one as previous, the command side re-wraps every key under the new one. A key
     * whose KEK is not configured fails the start rather than leaving customers' data unreadable.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ApplicationRunner dataKeysUnderTheCurrentKek(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            KeyEncryptionKeys keks) {
        return arguments -> {
            int rewrapped = new PersonalDataKeyRewrapping(jdbc, transactions, keks).rewrapAll();
            if (rewrapped > 0) {
                log.info("Re-wrapped {} personal data keys under the key-encryption key {}", rewrapped, keks.currentKekId());
            }
        };
    }
}
