/** How the command side answers refusals of the domain and of the event store over HTTP. */
package io.ledgerline.command.web;
