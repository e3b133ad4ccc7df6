package io.ledgerline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One item of a customer's personal data (a name, an email address) as events carry it, written
 * on the wire as a self-describing string:
 * <ul>
 *   <li>{@code v1:} + base64 of IV, ciphertext and tag: sealed with AES-256-GCM under the customer's
 *       own key, the customer id as associated data. Only the key opens it; erasure deletes the key.</li>
 *   <li>{@code plain:} + the text: an event stored before personal data was sealed (revision 1),
 *       read forward by an upcaster. Such text was never encrypted and stays readable wherever the
 *       old event is kept.</li>
 * </ul>
 */
public record PersonalData(@JsonValue String value) {

    public static final String SEALED_PREFIX = "v1:";
    public static final String UNSEALED_PREFIX = "plain:";

    public PersonalData {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(SEALED_PREFIX) && !value.startsWith(UNSEALED_PREFIX)) {
            throw new IllegalArgumentException("Personal data must be sealed (" + SEALED_PREFIX + ") or marked as "
                    + "written before sealing (" + UNSEALED_PREFIX + ")");
        }
    }

    @JsonCreator
    public static PersonalData of(String value) {
        return new PersonalData(value);
    }

    /** @param sealedForm base64 of IV, ciphertext and tag */
    public static PersonalData sealed(String sealedForm) {
        return new PersonalData(SEALED_PREFIX + sealedForm);
    }

    /** Text of an event written before personal data was sealed. */
    public static PersonalData unsealed(String text) {
        return new PersonalData(UNSEALED_PREFIX + text);
    }

    public boolean isSealed() {
        return value.startsWith(SEALED_PREFIX);
    }

    /** The base64 of IV, ciphertext and tag of a sealed value. */
    public String sealedForm() {
        if (!isSealed()) {
            throw new IllegalStateException("Not sealed");
        }
        return value.substring(SEALED_PREFIX.length());
    }

    /** The text of a value written before sealing. */
    public String unsealedText() {
        if (isSealed()) {
            throw new IllegalStateException("Sealed; only its customer's key opens it");
        }
        return value.substring(UNSEALED_PREFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
