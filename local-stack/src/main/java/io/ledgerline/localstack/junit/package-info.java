/** JUnit 5 extension that gives integration tests real infrastructure, shared across the test JVM. */
package io.ledgerline.localstack.junit;
