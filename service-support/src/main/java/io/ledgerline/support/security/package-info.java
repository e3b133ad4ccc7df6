/** Who is calling: JWT bearer authentication, roles, the caller of a request, and 401/403 as problem details. */
package io.ledgerline.support.security;
