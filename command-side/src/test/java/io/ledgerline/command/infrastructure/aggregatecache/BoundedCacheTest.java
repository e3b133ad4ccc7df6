package io.ledgerline.command.infrastructure.aggregatecache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void dropsTheLeastRecentlyUsedEntryBeyondItsBound() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void holdsNothingWhenItsBoundIsZero() {
        BoundedCache cache = new BoundedCache(0);
        cache.put("a", 1);

        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void takingAnEntryRemovesIt() {
        BoundedCache cache = new BoundedCache(2);
        cache.put("a", 1);

        assertThat(cache.<Integer>take("a")).isEqualTo(1);
        assertThat(cache.containsKey("a")).isFalse();
    }

    @Test
    void refusesANegativeBound() {
        assertThatThrownBy(() -> new BoundedCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
