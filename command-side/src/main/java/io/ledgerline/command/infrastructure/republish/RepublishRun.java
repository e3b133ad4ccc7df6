package io.ledgerline.command.infrastructure.republish;

import io.ledgerline.command.infrastructure.republish.RepublishStatus.State;

/** The progress of one republication, written by its worker and read by status requests. */
class RepublishRun {

    private final String id;
    private final long fromPosition;
    private final long headPosition;
    private volatile State state = State.RUNNING;
    private volatile long eventsPublished;
    private volatile long lastPosition = -1;
    private volatile String failure;

    RepublishRun(String id, long fromPosition, long headPosition) {
        this.id = id;
        this.fromPosition = fromPosition;
        this.headPosition = headPosition;
    }

    String id() {
        return id;
    }

    long fromPosition() {
        return fromPosition;
    }

    long headPosition() {
        return headPosition;
    }

    boolean isRunning() {
        return state == State.RUNNING;
    }

    void acknowledged(long events, long position) {
        eventsPublished += events;
        lastPosition = position;
    }

    void completed() {
        state = State.COMPLETED;
    }

    void failed(Exception cause) {
        failure = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        state = State.FAILED;
    }

    RepublishStatus status() {
        return new RepublishStatus(id, state, fromPosition, headPosition, eventsPublished, lastPosition, failure);
    }
}
