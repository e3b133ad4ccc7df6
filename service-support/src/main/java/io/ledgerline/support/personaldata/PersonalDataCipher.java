package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one value at a time. Every seal draws a fresh random 96-bit IV, and the
 * customer id is the associated data: a value copied into another customer's event does not open
 * there, and a changed byte does not open at all.
 */
public final class PersonalDataCipher {

    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    public PersonalDataCipher() {
        this(new SecureRandom());
    }

    public PersonalDataCipher(SecureRandom random) {
        this.random = random;
    }

    /** A new customer key. */
    public byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public PersonalData seal(byte[] key, CustomerId owner, String text) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, owner);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] ivAndSealed = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PersonalData.sealed(Base64.getEncoder().encodeToString(ivAndSealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws PersonalDataUnreadable when the value was not sealed under this key for this customer, or was changed */
    public String open(byte[] key, CustomerId owner, PersonalData value) {
        byte[] ivAndSealed;
        try {
            ivAndSealed = Base64.getDecoder().decode(value.sealedForm());
        } catch (IllegalArgumentException malformed) {
            throw new PersonalDataUnreadable(owner, malformed);
        }
        if (ivAndSealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new PersonalDataUnreadable(owner, null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(ivAndSealed, IV_BYTES), owner);
            byte[] text = cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
            return new String(text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException failed) {
            throw new PersonalDataUnreadable(owner, failed);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, CustomerId owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.value().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
