/** Search plumbing shared by the features: indices behind aliases, bulk writes, amount keys, and the projection shapes they use. */
package io.ledgerline.query.search;
