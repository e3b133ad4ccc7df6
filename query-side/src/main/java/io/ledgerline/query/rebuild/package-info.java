/** Zero-downtime rebuilds: a read model built again beside the serving one, then swapped in. */
package io.ledgerline.query.rebuild;
