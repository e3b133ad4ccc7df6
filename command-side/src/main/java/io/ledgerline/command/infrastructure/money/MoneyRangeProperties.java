package io.ledgerline.command.infrastructure.money;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxAmount            the largest single amount in any currency, in its major unit
 * @param maxAmountPerCurrency overrides by ISO-4217 code, e.g. {@code max-amount-per-currency.JPY}
 *                             for a currency whose unit is worth much less
 */
@ConfigurationProperties("ledgerline.money")
public record MoneyRangeProperties(@DefaultValue("1000000000.00") BigDecimal maxAmount,
        Map<String, BigDecimal> maxAmountPerCurrency) {
}
