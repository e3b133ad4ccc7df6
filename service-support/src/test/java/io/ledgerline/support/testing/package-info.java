/** Test doubles that service-support's tests share. */
package io.ledgerline.support.testing;
