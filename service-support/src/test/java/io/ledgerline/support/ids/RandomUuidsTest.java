package io.ledgerline.support.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void makesVersionFourUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1_000; i++) {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @Test
    void printsLikeAnyUuidAndParsesBack() {
        String text = RandomUuids.nextString();
        assertThat(text).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(UUID.fromString(text).toString()).isEqualTo(text);
    }

    @Test
    void threadsNeverRepeatEachOthersIds() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    Set<UUID> own = new HashSet<>();
                    for (int i = 0; i < 20_000; i++) {
                        own.add(RandomUuids.next());
                    }
                    seen.addAll(own);
                    return own.size();
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(20_000);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(seen).hasSize(8 * 20_000);
    }
}
