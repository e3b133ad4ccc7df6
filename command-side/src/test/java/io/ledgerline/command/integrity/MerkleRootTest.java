package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleRootTest {

    private static final String A = "aa".repeat(32);
    private static final String B = "bb".repeat(32);
    private static final String C = "cc".repeat(32);

    @Test
    void ofOneHashIsItsLeafHash() throws Exception {
        assertThat(MerkleRoot.of(List.of(A))).isEqualTo(sha256("00" + A));
    }

    @Test
    void ofThreeHashesSplitsAtTheLargestPowerOfTwoBelowTheCount() throws Exception {
        String left = sha256("01" + sha256("00" + A) + sha256("00" + B));

        assertThat(MerkleRoot.of(List.of(A, B, C))).isEqualTo(sha256("01" + left + sha256("00" + C)));
    }

    @Test
    void changesWhenTwoHashesSwapPlaces() {
        assertThat(MerkleRoot.of(List.of(A, B, C))).isNotEqualTo(MerkleRoot.of(List.of(B, A, C)));
    }

    @Test
    void ofNoHashIsTheHashOfNothing() throws Exception {
        assertThat(MerkleRoot.of(List.of())).isEqualTo(sha256(""));
    }

    private static String sha256(String hex) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HexFormat.of().parseHex(hex)));
    }
}
