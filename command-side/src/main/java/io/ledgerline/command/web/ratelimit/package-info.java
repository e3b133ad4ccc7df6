/** Rate limiting of commands per caller: a token bucket per subject, 429 with Retry-After beyond it. */
package io.ledgerline.command.web.ratelimit;
