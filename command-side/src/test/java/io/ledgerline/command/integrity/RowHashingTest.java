package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RowHashingTest {

    @Test
    void handsEveryRowBackInTheOrderSubmittedHashedAsOneEventIsHashed() {
        List<StoredBytes.Hashed> handedBack = new ArrayList<>();
        List<StoredBytes> rows = LongStream.rangeClosed(1, 5_555).mapToObj(RowHashingTest::row).toList();

        try (RowHashing hashing = new RowHashing(handedBack::add)) {
            rows.forEach(hashing::submit);
            hashing.finish();
        }

        assertThat(handedBack).extracting(StoredBytes.Hashed::globalIndex)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 5_555).boxed().toList());
        StoredBytes.Hashed last = handedBack.get(handedBack.size() - 1);
        assertThat(last.contentHash()).isEqualTo(HexFormat.of().parseHex(EventHash.of(ChainMetadata.GENESIS,
                new ChainedEvent("Account", "account-5555", 5_555, "event-5555", "2026-12-06T20:00:00Z",
                        "io.ledgerline.events.MoneyDeposited", "4", "{\"n\":5555}".getBytes(StandardCharsets.UTF_8),
                        Map.of("user", "teller-1")))));
    }

    private static StoredBytes row(long globalIndex) {
        String metadata = "{\"user\":\"teller-1\",\"ledgerline.hash\":\"" + "ab".repeat(32) + "\",\"ledgerline.previousHash\":\""
                + ChainMetadata.GENESIS + "\"}";
        return new StoredBytes(globalIndex, "account-" + globalIndex, globalIndex, utf8("Account"),
                utf8("account-" + globalIndex), utf8("event-" + globalIndex), utf8("2026-12-06T20:00:00Z"),
                utf8("io.ledgerline.events.MoneyDeposited"), utf8("4"), utf8("{\"n\":" + globalIndex + "}"),
                utf8(metadata));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
