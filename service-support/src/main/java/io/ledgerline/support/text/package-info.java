/** What free text and identifiers in requests may contain, checked before anything stores or searches them. */
package io.ledgerline.support.text;
