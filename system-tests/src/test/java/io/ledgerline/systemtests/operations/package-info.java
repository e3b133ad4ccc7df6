/** The operations documents (dashboard, alert rules) checked against PromQL's shape and the services' real metrics. */
package io.ledgerline.systemtests.operations;
