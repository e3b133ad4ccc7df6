package io.ledgerline.support.web.apidocs;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the published OpenAPI document says about where the API lives.
 *
 * @param servers the base URLs clients use, first the preferred one; "/" (the default) means the
 *                address the document was fetched from, so the document is the same on every node
 */
@ConfigurationProperties("ledgerline.api")
public record ApiDocumentProperties(@DefaultValue("/") List<String> servers) {
}
