package io.ledgerline.command.infrastructure.kafka;

/** Kafka did not take a batch of events; the publisher's unit of work rolls back and the batch is sent again. */
class PublicationFailed extends RuntimeException {

    PublicationFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
