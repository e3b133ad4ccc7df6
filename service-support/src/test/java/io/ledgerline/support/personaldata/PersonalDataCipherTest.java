package io.ledgerline.support.personaldata;

import static io.ledgerline.events.PersonalDataField.DESCRIPTION;
import static io.ledgerline.events.PersonalDataField.NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    private static final CustomerId ADA = CustomerId.of("cust-ada");
    private static final CustomerId GRACE = CustomerId.of("cust-grace");

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final byte[] key = cipher.newKey();

    @Test
    void opensWhatItSealed() {
        PersonalData sealed = cipher.seal(key, ADA, NAME, "Ada Lovelace ✓");

        assertThat(sealed.isSealed()).isTrue();
        assertThat(cipher.open(key, ADA, NAME, sealed)).isEqualTo("Ada Lovelace ✓");
    }

    @Test
    void sealsUnderA256BitKeyIntoIvCiphertextAndTag() {
        PersonalData sealed = cipher.seal(key, ADA, NAME, "ada@example.org");

        assertThat(key).hasSize(32);
        byte[] bytes = Base64.getDecoder().decode(sealed.sealedForm());
        assertThat(bytes).hasSize(12 + "ada@example.org".getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(sealed.value()).doesNotContain("ada").doesNotContain("example");
    }

    @Test
    void usesAFreshIvForEverySeal() {
        Set<String> ivs = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            PersonalData sealed = cipher.seal(key, ADA, NAME, "Ada Lovelace");
            values.add(sealed.value());
            byte[] bytes = Base64.getDecoder().decode(sealed.sealedForm());
            ivs.add(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 12)));
        }
        assertThat(ivs).hasSize(100);
        assertThat(values).hasSize(100);
    }

    @Test
    void refusesToOpenUnderAnotherCustomersId() {
        PersonalData sealed = cipher.seal(key, ADA, NAME, "Ada Lovelace");

        assertThatThrownBy(() -> cipher.open(key, GRACE, NAME, sealed)).isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void refusesToOpenWithAnotherKey() {
        PersonalData sealed = cipher.seal(key, ADA, NAME, "Ada Lovelace");

        assertThatThrownBy(() -> cipher.open(cipher.newKey(), ADA, NAME, sealed))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void refusesToOpenATamperedCiphertext() {
        PersonalData sealed = cipher.seal(key, ADA, NAME, "Ada Lovelace");
        byte[] bytes = Base64.getDecoder().decode(sealed.sealedForm());
        bytes[14] ^= 0x01;
        PersonalData tampered = PersonalData.sealed(Base64.getEncoder().encodeToString(bytes));

        assertThatThrownBy(() -> cipher.open(key, ADA, NAME, tampered)).isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void refusesToOpenATruncatedOrMalformedValue() {
        assertThatThrownBy(() -> cipher.open(key, ADA, NAME, PersonalData.sealed("AAAA")))
                .isInstanceOf(PersonalDataUnreadable.class);
        assertThatThrownBy(() -> cipher.open(key, ADA, NAME, PersonalData.sealed("not base64!")))
                .isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void refusesToOpenAsAnotherField() {
        PersonalData sealed = cipher.seal(key, ADA, DESCRIPTION, "Rent March");

        assertThat(sealed.value()).startsWith(PersonalData.SEALED_PREFIX);
        assertThat(cipher.open(key, ADA, DESCRIPTION, sealed)).isEqualTo("Rent March");
        assertThatThrownBy(() -> cipher.open(key, ADA, NAME, sealed)).isInstanceOf(PersonalDataUnreadable.class);
    }

    @Test
    void opensValuesSealedBeforeTheFieldWasBoundInWithTheCustomerIdAlone() throws Exception {
        byte[] iv = new byte[12];
        javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, iv));
        aes.updateAAD(ADA.value().getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal("Ada Lovelace".getBytes(StandardCharsets.UTF_8));
        byte[] ivAndSealed = java.nio.ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        PersonalData customerBound = PersonalData.sealedForCustomerOnly(Base64.getEncoder().encodeToString(ivAndSealed));

        assertThat(customerBound.value()).startsWith(PersonalData.CUSTOMER_BOUND_PREFIX);
        assertThat(cipher.open(key, ADA, NAME, customerBound)).isEqualTo("Ada Lovelace");
        assertThatThrownBy(() -> cipher.open(key, GRACE, NAME, customerBound))
                .isInstanceOf(PersonalDataUnreadable.class);
    }
}
