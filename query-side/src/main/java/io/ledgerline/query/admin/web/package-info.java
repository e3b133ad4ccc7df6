/** The admin API over the projections' status. */
package io.ledgerline.query.admin.web;
