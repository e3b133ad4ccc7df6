package io.ledgerline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an account; written on the wire as its raw value. */
public record AccountId(@JsonValue String value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("An account id cannot be blank");
        }
    }

    @JsonCreator
    public static AccountId of(String value) {
        return new AccountId(value);
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
