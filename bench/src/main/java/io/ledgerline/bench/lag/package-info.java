/** End-to-end lag: from a command's answer until the write is visible in the SQL read model and in Elasticsearch. */
package io.ledgerline.bench.lag;
