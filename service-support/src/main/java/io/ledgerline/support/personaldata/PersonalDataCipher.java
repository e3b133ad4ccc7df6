package io.ledgerline.support.personaldata;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import io.ledgerline.events.PersonalDataField;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM over one value at a time. Every seal draws a fresh random 96-bit IV, and the
 * customer id and the field are the associated data: a value copied into another customer's event,
 * or into another field, does not open there, and a changed byte does not open at all. Values
 * sealed before the field was bound in ({@code v1:}) are opened with the customer id alone.
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

    public PersonalData seal(byte[] key, CustomerId owner, PersonalDataField field, String text) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, associatedData(owner, field));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] ivAndSealed = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PersonalData.sealed(Base64.getEncoder().encodeToString(ivAndSealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws PersonalDataUnreadable when the value was not sealed under this key for this customer
     *         and field, or was changed
     */
    public String open(byte[] key, CustomerId owner, PersonalDataField field, PersonalData value) {
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
            byte[] associatedData = value.isSealedForCustomerOnly() ? customerOnly(owner) : associatedData(owner, field);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(ivAndSealed, IV_BYTES), associatedData);
            byte[] text = cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
            return new String(text, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException failed) {
            throw new PersonalDataUnreadable(owner, failed);
        }
    }

    // NUL occurs in neither customer ids nor field names, so no two pairs give the same bytes
    private static byte[] associatedData(CustomerId owner, PersonalDataField field) {
        return (owner.value() + '\u0000' + field.boundName()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] customerOnly(CustomerId owner) {
        return owner.value().getBytes(StandardCharsets.UTF_8);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
