/** Which requests of the command side are rate limited per caller: its commands. */
package io.ledgerline.command.web.ratelimit;
