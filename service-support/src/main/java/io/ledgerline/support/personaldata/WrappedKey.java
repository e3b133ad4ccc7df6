package io.ledgerline.support.personaldata;

/** A customer's data key as stored: wrapped under the KEK named by {@code kekId}. */
public record WrappedKey(String kekId, byte[] bytes) {
}
