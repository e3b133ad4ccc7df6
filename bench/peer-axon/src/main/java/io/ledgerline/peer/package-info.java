/** A plain Spring Boot and Axon service with Axon's defaults: the benchmark's yardstick for Ledgerline's command side. */
package io.ledgerline.peer;
