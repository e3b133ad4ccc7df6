/** The admin API that runs a reconciliation and answers its report. */
package io.ledgerline.query.reconciliation.web;
