/** A customer with their accounts and last statement lines, read as a client app would: one GraphQL POST or the REST calls it replaces. */
package io.ledgerline.bench.views;
