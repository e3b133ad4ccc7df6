package io.ledgerline.command.infrastructure.republish;

/**
 * Where one republication stands.
 *
 * @param headPosition    the event store's last position when it started; it stops there
 * @param lastPosition    the position of the last event Kafka acknowledged, -1 before the first
 * @param failure         why it failed, null unless FAILED
 */
public record RepublishStatus(String republishId, State state, long fromPosition, long headPosition,
        long eventsPublished, long lastPosition, String failure) {

    public enum State { RUNNING, COMPLETED, FAILED }
}
