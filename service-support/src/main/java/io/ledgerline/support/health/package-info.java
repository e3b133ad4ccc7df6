/** Health checks that a flood of anonymous health calls cannot turn into a flood of calls to the stores. */
package io.ledgerline.support.health;
