package io.ledgerline.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import io.ledgerline.command.integrity.CheckpointBreak.Kind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CheckpointCheckTest {

    private static final String A = "aa".repeat(32);
    private static final String B = "bb".repeat(32);
    private static final String C = "cc".repeat(32);
    private static final String D = "dd".repeat(32);

    private final CheckpointKeys keys = CheckpointKeys.generated();
    private final CheckpointCheck check = new CheckpointCheck(keys);

    private final Checkpoint first = Checkpoint.sign(1, 2, MerkleRoot.of(List.of(A, B)), null, keys);
    private final Checkpoint second = Checkpoint.sign(3, 4, MerkleRoot.of(List.of(C, D)), first.hash(), keys);

    @Test
    void signedCheckpointsOverTheStoredHashesShowNoBreak() {
        assertThat(check.check(first, null, List.of(A, B))).isEmpty();
        assertThat(check.check(second, first, List.of(C, D))).isEmpty();
    }

    @Test
    void theHashCoversRangeRootAndPreviousHash() {
        String hash = Checkpoint.hashOf(1, 2, first.merkleRoot(), null);

        assertThat(hash).isEqualTo(first.hash());
        assertThat(Checkpoint.hashOf(1, 3, first.merkleRoot(), null)).isNotEqualTo(hash);
        assertThat(Checkpoint.hashOf(1, 2, second.merkleRoot(), null)).isNotEqualTo(hash);
        assertThat(Checkpoint.hashOf(1, 2, first.merkleRoot(), A)).isNotEqualTo(hash);
    }

    @Nested
    class Signature {

        @Test
        void aForgedSignatureIsABreak() {
            Checkpoint forged = new Checkpoint(3, 4, second.merkleRoot(), first.hash(), second.hash(),
                    CheckpointKeys.generated().sign(java.util.HexFormat.of().parseHex(second.hash())));

            assertThat(check.check(forged, first, List.of(C, D)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_SIGNATURE));
        }

        @Test
        void aRootRewrittenWithItsHashButWithoutTheKeyIsABreak() {
            String root = MerkleRoot.of(List.of(C, A));
            Checkpoint rewritten = new Checkpoint(3, 4, root, first.hash(), Checkpoint.hashOf(3, 4, root, first.hash()),
                    second.signature());

            assertThat(check.check(rewritten, first, List.of(C, A)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_SIGNATURE));
        }

        @Test
        void aRangeChangedUnderTheSignedHashIsABreak() {
            Checkpoint widened = new Checkpoint(1, 3, first.merkleRoot(), null, first.hash(), first.signature());

            assertThat(check.check(widened, null, List.of(A, B)))
                    .containsExactly(new CheckpointBreak(1, 3, Kind.CHECKPOINT_SIGNATURE));
        }
    }

    @Nested
    class Root {

        @Test
        void consistentlyRecomputedStoredHashesAreABreak() {
            assertThat(check.check(second, first, List.of(C, A)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_ROOT));
        }

        @Test
        void aDeletedRowIsABreak() {
            assertThat(check.check(second, first, List.of(C)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_ROOT));
        }

        @Test
        void aRowWithoutAHashIsABreak() {
            assertThat(check.check(second, first, Arrays.asList(C, null, D)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_ROOT));
        }
    }

    @Nested
    class Link {

        @Test
        void aDeletedPreviousCheckpointIsABreak() {
            assertThat(check.check(second, null, List.of(C, D)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_LINK));
        }

        @Test
        void aPreviousCheckpointOfAnotherHashIsABreak() {
            Checkpoint other = Checkpoint.sign(1, 2, MerkleRoot.of(List.of(B, A)), null, keys);

            assertThat(check.check(second, other, List.of(C, D)))
                    .containsExactly(new CheckpointBreak(3, 4, Kind.CHECKPOINT_LINK));
        }

        @Test
        void aGapAfterThePreviousRangeIsABreak() {
            Checkpoint afterGap = Checkpoint.sign(4, 4, MerkleRoot.of(List.of(D)), first.hash(), keys);

            assertThat(check.check(afterGap, first, List.of(D)))
                    .containsExactly(new CheckpointBreak(4, 4, Kind.CHECKPOINT_LINK));
        }
    }
}
