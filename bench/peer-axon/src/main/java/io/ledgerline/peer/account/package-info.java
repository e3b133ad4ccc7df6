/** The peer's one aggregate: an account that is opened and takes deposits. */
package io.ledgerline.peer.account;
