package io.ledgerline.bench.machine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HotMethodsTest {

    @Test
    void groupsClassesByLibrary() {
        assertThat(HotMethods.library("java.util.HashMap")).isEqualTo("java.util");
        assertThat(HotMethods.library("java.util.concurrent.ConcurrentHashMap")).isEqualTo("java.util");
        assertThat(HotMethods.library("org.hibernate.query.sqm.Something")).isEqualTo("org.hibernate.query");
        assertThat(HotMethods.library("com.fasterxml.jackson.databind.ObjectMapper")).isEqualTo("com.fasterxml.jackson");
        assertThat(HotMethods.library("Top")).isEqualTo("Top");
    }
}
