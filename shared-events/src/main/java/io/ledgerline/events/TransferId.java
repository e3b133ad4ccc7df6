package io.ledgerline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a transfer between two accounts; written on the wire as its raw value. */
public record TransferId(@JsonValue String value) {

    public TransferId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A transfer id cannot be blank");
        }
    }

    @JsonCreator
    public static TransferId of(String value) {
        return new TransferId(value);
    }

    public static TransferId random() {
        return new TransferId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
