package io.ledgerline.query.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the query side reads customers' keys: the command side's table personal_data_keys, through
 * a connection of its own. In production its role should be allowed to SELECT that table and
 * nothing else.
 *
 * @param createTable create the table if it is missing, from the command side's own migration scripts,
 *                    in the query side's own database: for tests, whose key store is that database and
 *                    no command side migrates it
 */
@ConfigurationProperties("ledgerline.personal-data.key-store")
public record KeyStoreProperties(String url, String username, String password, boolean createTable) {
}
