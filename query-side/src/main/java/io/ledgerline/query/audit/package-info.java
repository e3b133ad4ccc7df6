/** The audit read model: every event with who did it and why, in a search index. */
package io.ledgerline.query.audit;
