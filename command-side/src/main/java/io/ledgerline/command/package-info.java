/** The command side: accepts commands over REST, decides with aggregates, stores events, publishes them. */
package io.ledgerline.command;
