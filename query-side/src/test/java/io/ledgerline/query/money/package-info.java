/** The range of money through every read model: the largest amounts, huge balances, exact totals. */
package io.ledgerline.query.money;
