/** The machine the run measured on: its description, the services' memory, and the command side's profile. */
package io.ledgerline.bench.machine;
