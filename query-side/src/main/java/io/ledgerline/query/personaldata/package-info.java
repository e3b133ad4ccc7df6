/** Opening customers' sealed personal data with the keys of the command side's key table, read-only. */
package io.ledgerline.query.personaldata;
