/** How the command side's tracking processors share their work between nodes. */
package io.ledgerline.command.infrastructure.processing;
