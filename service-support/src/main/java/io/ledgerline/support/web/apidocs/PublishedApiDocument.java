package io.ledgerline.support.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What both services' OpenAPI documents say alike: the licence, the contact and the configured
 * servers. Without configured servers springdoc would name the address of the request that fetched
 * the document, and the served document would differ from node to node and from the committed one.
 */
public class PublishedApiDocument implements OpenApiCustomizer {

    static final String LICENCE = "Apache-2.0";

    private final ApiDocumentProperties properties;

    public PublishedApiDocument(ApiDocumentProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customise(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        api.info(info
                .license(new License().name("Apache License 2.0").identifier(LICENCE))
                .contact(new Contact().name("Ledgerline maintainers")));
        api.servers(properties.servers().stream().map(url -> new Server().url(url)).toList());
    }
}
