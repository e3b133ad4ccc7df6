/** Rate limiting per caller, shared by both services: a token bucket per subject, RateLimit header fields, 429 with Retry-After beyond. */
package io.ledgerline.support.web.ratelimit;
