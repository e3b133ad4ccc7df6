package io.ledgerline.support.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.events.CustomerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonalDataKeysTest {

    private static final CustomerId ADA = CustomerId.of("cust-ada");
    private static final CustomerId BOB = CustomerId.of("cust-bob");

    private final Map<CustomerId, byte[]> stored = new HashMap<>(Map.of(ADA, new byte[] {1}, BOB, new byte[] {2}));
    private final List<CustomerId> lookups = new ArrayList<>();
    private final PersonalDataKeys keys = owner -> {
        lookups.add(owner);
        return Optional.ofNullable(stored.get(owner));
    };

    @Test
    void aBatchsViewLooksEachKeyUpOnceAndAnswersTheSameAfterwards() {
        PersonalDataKeys batch = keys.lookedUpOnceEach();

        assertThat(batch.keyOf(ADA)).isPresent();
        stored.remove(ADA);
        assertThat(batch.keyOf(ADA)).isPresent();
        assertThat(batch.keyOf(BOB)).isPresent();

        assertThat(lookups).containsExactly(ADA, BOB);
    }

    @Test
    void aBatchsViewRemembersAMissingKeyToo() {
        stored.remove(ADA);
        PersonalDataKeys batch = keys.lookedUpOnceEach();

        assertThat(batch.keyOf(ADA)).isEmpty();
        assertThat(batch.keyOf(ADA)).isEmpty();

        assertThat(lookups).containsExactly(ADA);
    }

    @Test
    void theNextBatchFindsAKeyDeletedMeanwhileGone() {
        assertThat(keys.lookedUpOnceEach().keyOf(ADA)).isPresent();
        stored.remove(ADA);

        assertThat(keys.lookedUpOnceEach().keyOf(ADA)).isEmpty();
    }

    @Test
    void namesTheOwnersWithoutAKey() {
        stored.remove(BOB);

        assertThat(keys.withoutKey(List.of(ADA, BOB))).containsExactly(BOB);
        assertThat(keys.withoutKey(List.of())).isEmpty();
    }
}
