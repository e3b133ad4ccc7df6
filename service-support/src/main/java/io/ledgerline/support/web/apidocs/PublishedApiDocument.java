package io.ledgerline.support.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

/**
 * What both services' OpenAPI documents say alike: the licence, the contact, the configured
 * servers, and money and currencies as they are written. Without configured servers springdoc would name the address of the request that fetched
 * the document, and the served document would differ from node to node and from the committed one.
 */
public class PublishedApiDocument implements OpenApiCustomizer {

    static {
        // as Jackson writes it: springdoc would describe the JDK class's getters instead
        SpringDocUtils.getConfig().replaceWithSchema(Currency.class, currencySchema());
        SpringDocUtils.getConfig().replaceWithSchema(Instant.class, instantSchema());
    }

    static final String LICENCE = "Apache-2.0";
    private static final String MONEY = "Money";

    private final ApiDocumentProperties properties;

    public PublishedApiDocument(ApiDocumentProperties properties) {
        this.properties = properties;
    }

    private static ObjectSchema moneySchema() {
        ObjectSchema money = new ObjectSchema();
        money.description("An amount of money in one currency")
                .addProperty("amount", new StringSchema().pattern("^-?[0-9]+(\\.[0-9]+)?$")
                        .description("Decimal string, with the currency's minor digits").example("12.50"))
                .addProperty("currency", currencySchema())
                .required(List.of("amount", "currency"));
        return money;
    }

    /** As Jackson writes an instant: ISO-8601 in UTC, at most nanoseconds, years of up to nine digits and a sign. */
    private static StringSchema instantSchema() {
        StringSchema instant = new StringSchema();
        instant.format("date-time").maxLength(40);
        return instant;
    }

    private static StringSchema currencySchema() {
        StringSchema currency = new StringSchema();
        currency.pattern("^[A-Z]{3}$").maxLength(3).description("ISO-4217 code").example("EUR");
        return currency;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        api.info(info
                .license(new License().name("Apache License 2.0").identifier(LICENCE))
                .contact(new Contact().name("Ledgerline maintainers")));
        // the APIs serve the bank's clients (customers, tellers, the payment system), not only its own services
        api.servers(properties.servers().stream()
                .map(url -> new Server().url(url).extensions(new TreeMap<>(Map.of("x-internal", false)))).toList());
        if (api.getComponents() != null && api.getComponents().getSchemas() != null
                && api.getComponents().getSchemas().containsKey(MONEY)) {
            // the amount is written as a decimal string (@JsonFormat), which springdoc does not read
            api.getComponents().addSchemas(MONEY, moneySchema());
        }
    }
}
