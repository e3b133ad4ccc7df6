package io.ledgerline.command.infrastructure.money;

import io.ledgerline.command.domain.MoneyRange;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MoneyRangeProperties.class)
class MoneyRangeConfiguration {

    /** Resolved by Axon as a parameter of the handlers that accept amounts; a bad setting stops the start. */
    @Bean
    MoneyRange moneyRange(MoneyRangeProperties properties) {
        Map<Currency, BigDecimal> perCurrency = new HashMap<>();
        if (properties.maxAmountPerCurrency() != null) {
            properties.maxAmountPerCurrency().forEach((code, max) -> perCurrency.put(Currency.getInstance(code), max));
        }
        return new MoneyRange(properties.maxAmount(), perCurrency);
    }
}
