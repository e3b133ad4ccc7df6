/** Child processes, ports and files: the plumbing the servers are started with. */
package io.ledgerline.localstack.process;
