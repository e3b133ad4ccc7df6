package io.ledgerline.command.personaldata;

import io.ledgerline.support.personaldata.PersonalDataCipher;
import io.ledgerline.support.personaldata.PersonalDataKeyTable;
import io.ledgerline.support.personaldata.PersonalDataOpener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    @Bean
    PersonalDataCipher personalDataCipher() {
        return new PersonalDataCipher();
    }

    /** Opens personal data for the audit API, on the command side's own database where the keys live. */
    @Bean
    PersonalDataOpener personalDataOpener(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        return new PersonalDataOpener(new PersonalDataKeyTable(jdbc), cipher);
    }
}
