/** End-to-end tests of the whole system over HTTP, services started from their runnable jars. */
package io.ledgerline.systemtests;
