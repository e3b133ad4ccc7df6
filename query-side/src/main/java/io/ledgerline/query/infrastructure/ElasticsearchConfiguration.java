package io.ledgerline.query.infrastructure;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ElasticsearchConfiguration {

    /**
     * The client reads and writes documents with the application's mapper (java.time support),
     * lenient on fields a newer mapping may add.
     */
    @Bean
    JsonpMapper jsonpMapper(ObjectMapper objectMapper) {
        return new JacksonJsonpMapper(objectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }
}
