package io.ledgerline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One item of a customer's personal data (a name, an email address, the free text of a booking)
 * as events carry it, written on the wire as a self-describing string:
 * <ul>
 *   <li>{@code v2:} + base64 of IV, ciphertext and tag: sealed with AES-256-GCM under the customer's
 *       own key; the associated data is the customer id, a NUL character and the field's
 *       {@linkplain PersonalDataField#boundName() bound name}. Only the key opens it, and only as that
 *       customer's value of that field; erasure deletes the key.</li>
 *   <li>{@code v1:} + the same, with the customer id alone as associated data: names and emails
 *       sealed before the field was bound in. Still opened, never written any more.</li>
 *   <li>{@code plain:} + the text: an event stored before personal data was sealed (revision 1),
 *       read forward by an upcaster. Such text was never encrypted and stays readable wherever the
 *       old event is kept.</li>
 * </ul>
 */
public record PersonalData(@JsonValue String value) {

    public static final String SEALED_PREFIX = "v2:";
    /** Sealed with the customer id alone as associated data. */
    public static final String CUSTOMER_BOUND_PREFIX = "v1:";
    public static final String UNSEALED_PREFIX = "plain:";

    public PersonalData {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(SEALED_PREFIX) && !value.startsWith(CUSTOMER_BOUND_PREFIX)
                && !value.startsWith(UNSEALED_PREFIX)) {
            throw new IllegalArgumentException("Personal data must be sealed (" + SEALED_PREFIX + ", "
                    + CUSTOMER_BOUND_PREFIX + ") or marked as written before sealing (" + UNSEALED_PREFIX + ")");
        }
    }

    @JsonCreator
    public static PersonalData of(String value) {
        return new PersonalData(value);
    }

    /** @param sealedForm base64 of IV, ciphertext and tag, sealed with customer id and field bound in */
    public static PersonalData sealed(String sealedForm) {
        return new PersonalData(SEALED_PREFIX + sealedForm);
    }

    /** @param sealedForm base64 of IV, ciphertext and tag, sealed with the customer id alone bound in */
    public static PersonalData sealedForCustomerOnly(String sealedForm) {
        return new PersonalData(CUSTOMER_BOUND_PREFIX + sealedForm);
    }

    /** Text of an event written before personal data was sealed. */
    public static PersonalData unsealed(String text) {
        return new PersonalData(UNSEALED_PREFIX + text);
    }

    public boolean isSealed() {
        return value.startsWith(SEALED_PREFIX) || isSealedForCustomerOnly();
    }

    /** Sealed before the field was bound in: only the customer id is associated data. */
    public boolean isSealedForCustomerOnly() {
        return value.startsWith(CUSTOMER_BOUND_PREFIX);
    }

    /** The base64 of IV, ciphertext and tag of a sealed value. */
    public String sealedForm() {
        if (!isSealed()) {
            throw new IllegalStateException("Not sealed");
        }
        return value.substring(isSealedForCustomerOnly() ? CUSTOMER_BOUND_PREFIX.length() : SEALED_PREFIX.length());
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
