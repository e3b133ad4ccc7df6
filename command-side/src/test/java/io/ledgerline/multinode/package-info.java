/** Integration tests that run several command-side nodes on one database, with the hooks they need outside the application's scan root. */
package io.ledgerline.multinode;
