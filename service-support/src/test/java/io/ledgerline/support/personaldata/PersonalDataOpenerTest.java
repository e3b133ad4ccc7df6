package io.ledgerline.support.personaldata;

import static io.ledgerline.events.PersonalDataField.EMAIL;
import static io.ledgerline.events.PersonalDataField.NAME;
import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.CustomerId;
import io.ledgerline.events.PersonalData;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataOpenerTest {

    private static final CustomerId ADA = CustomerId.of("cust-ada");

    private final PersonalDataCipher cipher = new PersonalDataCipher();
    private final Map<CustomerId, byte[]> keys = new HashMap<>();
    private final PersonalDataOpener opener = new PersonalDataOpener(owner -> Optional.ofNullable(keys.get(owner)), cipher);

    @Test
    void opensWhileTheCustomersKeyExists() {
        keys.put(ADA, cipher.newKey());
        PersonalData name = cipher.seal(keys.get(ADA), ADA, NAME, "Ada Lovelace");
        PersonalData email = cipher.seal(keys.get(ADA), ADA, EMAIL, "ada@example.org");

        assertThat(opener.open(ADA, name, email)).isEqualTo(new NameAndEmail("Ada Lovelace", "ada@example.org"));
    }

    @Test
    void masksOnceTheKeyIsDeleted() {
        keys.put(ADA, cipher.newKey());
        PersonalData name = cipher.seal(keys.get(ADA), ADA, NAME, "Ada Lovelace");
        keys.remove(ADA);

        assertThat(opener.open(ADA, NAME, name)).isEqualTo(PersonalDataOpener.ERASED);
        assertThat(opener.open(ADA, name, name)).isEqualTo(NameAndEmail.ERASED);
    }

    @Test
    void readsTextWrittenBeforeSealingAsItIs() {
        assertThat(opener.open(ADA, NAME, PersonalData.unsealed("Ada Lovelace"))).isEqualTo("Ada Lovelace");
    }
}
