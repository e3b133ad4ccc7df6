package io.ledgerline.command.web;

import io.ledgerline.support.web.JsonStrictness;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Command bodies read text only from JSON strings. Only here: the query side's mapper also decodes
 * Elasticsearch documents, which are not requests.
 */
@Configuration(proxyBeanMethods = false)
class RequestJsonConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer textOnlyFromJsonStrings() {
        return JsonStrictness.textOnlyFromStrings();
    }
}
