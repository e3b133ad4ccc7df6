package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredMetadataTest {

    private static final String HASH = "abababababababababababababababababababababababababababababababab";

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"user\":\"teller-1\",\"correlationId\":\"c-1\",\"causationId\":\"c-0\",\"traceId\":\"t\",\"ledgerline.hash\":\"" + HASH
                    + "\",\"ledgerline.previousHash\":\"" + "0000000000000000000000000000000000000000000000000000000000000000\"}",
            "{\"correlationId\":\"c-1\",\"user\":\"u-1\",\"user\":\"u-2\"}",
            "{\"user\":\"u-1\",\"user\":null,\"correlationId\":null}",
            "{\"user\":null,\"user\":\"u-2\"}",
            "{\"user\":42,\"correlationId\":\"c\"}",
            "{\"user\":{\"name\":\"u\",\"roles\":[\"a\",1.5]},\"causationId\":true}",
            "{\"ledgerline.hash\":12,\"ledgerline.previousHash\":[\"x\"]}",
            "{\"ledgerline.hash\":\"first\",\"ledgerline.hash\":\"second\"}",
            "{\"ledgerline.hash\":\"first\",\"ledgerline.hash\":null}",
            "{\"traceparent\":{\"deep\":[[[{}]]],\"n\":1e400},\"user\":\"u\"}",
            "{\"user\":\"caf\\u00e9 \u00fc\",\"transferDescription\":\"rent\"}",
            "{\"user\":\"u\"} trailing",
            "{\"user\":\"u\"",
            "{\"user\":\"u\",\"other\":[1,2",
            "{\"user\":\"u\",\"other\":\"\\x\"}",
            "[\"user\",\"u\"]",
            "\"user\"",
            "",
            "not json at all",
            "{}"})
    void readsTheMetadataAsTheTreeReadsIt(String stored) {
        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);

        assertSame(StoredMetadata.read(bytes), StoredMetadata.throughTheTree(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3ByaW5n", "/w==", "wyg=", "7aCA"})
    void readsBytesThatAreNoUtf8AsTheTreeReadsThem(String base64) {
        byte[] bytes = ("{\"other\":\"" + new String(Base64.getDecoder().decode(base64), StandardCharsets.ISO_8859_1)
                + "\",\"ledgerline.hash\":\"h\",\"user\":\"u\"}").getBytes(StandardCharsets.ISO_8859_1);

        assertSame(StoredMetadata.read(bytes), StoredMetadata.throughTheTree(bytes));
    }

    @Test
    void readsAbsentMetadataAsEmpty() {
        assertSame(StoredMetadata.read(null), new StoredMetadata(null, null, new String[0], new String[0]));
    }

    @Test
    void readsTheUsualMetadataWithoutTheTree() {
        StoredMetadata read = StoredMetadata.streamed(("{\"user\":\"u\",\"correlationId\":\"c\",\"ledgerline.hash\":\""
                + HASH + "\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(read).isNotNull();
        assertThat(read.hash()).isEqualTo(HASH);
        assertThat(read.businessKeys()).containsExactly("correlationId", "user");
        assertThat(read.businessValues()).containsExactly("c", "u");
    }

    private static void assertSame(StoredMetadata actual, StoredMetadata expected) {
        assertThat(actual.hash()).isEqualTo(expected.hash());
        assertThat(actual.previousHash()).isEqualTo(expected.previousHash());
        assertThat(Arrays.asList(actual.businessKeys())).isEqualTo(Arrays.asList(expected.businessKeys()));
        assertThat(Arrays.asList(actual.businessValues())).isEqualTo(Arrays.asList(expected.businessValues()));
    }
}
