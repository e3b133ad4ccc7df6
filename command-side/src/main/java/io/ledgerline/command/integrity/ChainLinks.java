package io.ledgerline.command.integrity;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The links of the rows a verification read, kept as columns of primitives: a million rows take
 * about 90 MB here, where a million small objects with two hex strings each took over 300 MB and
 * kept a small heap collecting. A hash is kept as its four 64-bit words when it is lowercase hex,
 * as the text it is otherwise (rare: tampered metadata), so every comparison stays exact.
 */
final class ChainLinks {

    private static final int HAS_HASH = 1;
    private static final int HASH_IS_HEX = 2;
    private static final int PREVIOUS_IS_HEX = 4;
    private static final int CONTENT_MATCHES = 8;
    private static final int WORDS = 4;

    private int size;
    private long[] globalIndexes;
    private long[] sequences;
    private int[] aggregates;
    private byte[] flags;
    private long[] hashes;
    private long[] previousHashes;
    /** Stored hashes that are no lowercase hex, by link. */
    private final Map<Integer, String> otherHashes = new HashMap<>();
    private final Map<String, Integer> aggregateNumbers = new HashMap<>();
    private String[] aggregateIds = new String[64];

    /** @param expected the links expected: growing by copies costs a million-link range twice its memory for a moment */
    ChainLinks(int expected) {
        int capacity = Math.max(16, expected);
        globalIndexes = new long[capacity];
        sequences = new long[capacity];
        aggregates = new int[capacity];
        flags = new byte[capacity];
        hashes = new long[capacity * WORDS];
        previousHashes = new long[capacity * WORDS];
    }

    int size() {
        return size;
    }

    int aggregateCount() {
        return aggregateNumbers.size();
    }

    /**
     * Adds the link of a row.
     *
     * @param hash         the row's stored hash, null when it carries none
     * @param previousHash the row's stored previous hash, null when it carries none
     * @param content      the hash the row's content gives with its stored previous hash, null when not computed
     *                     (no hash or no hex previous hash: then it matches nothing)
     * @return the link's number
     */
    int add(long globalIndex, String aggregateId, long sequence, String hash, String previousHash, byte[] content) {
        grow();
        int link = size++;
        globalIndexes[link] = globalIndex;
        sequences[link] = sequence;
        aggregates[link] = aggregateNumber(aggregateId);
        int flag = 0;
        if (hash != null) {
            flag |= HAS_HASH;
            if (Sha256Hex.parse(hash, hashes, link * WORDS)) {
                flag |= HASH_IS_HEX;
            } else {
                otherHashes.put(link, hash);
            }
        }
        if (previousHash != null && Sha256Hex.parse(previousHash, previousHashes, link * WORDS)) {
            flag |= PREVIOUS_IS_HEX;
        }
        if ((flag & HASH_IS_HEX) != 0 && (flag & PREVIOUS_IS_HEX) != 0 && content != null
                && sameWords(hashes, link, ByteBuffer.wrap(content))) {
            flag |= CONTENT_MATCHES;
        }
        flags[link] = (byte) flag;
        return link;
    }

    long globalIndex(int link) {
        return globalIndexes[link];
    }

    long sequence(int link) {
        return sequences[link];
    }

    int aggregate(int link) {
        return aggregates[link];
    }

    String aggregateId(int aggregate) {
        return aggregateIds[aggregate];
    }

    /** The number of an aggregate with links, -1 for one without. */
    int aggregateNumberOf(String aggregateId) {
        return aggregateNumbers.getOrDefault(aggregateId, -1);
    }

    boolean hasHash(int link) {
        return (flags[link] & HAS_HASH) != 0;
    }

    /** Whether the row's content gives its stored hash with the (lowercase hex) previous hash it claims. */
    boolean contentMatches(int link) {
        return (flags[link] & CONTENT_MATCHES) != 0;
    }

    /** Whether the row claims the genesis previous hash. */
    boolean previousIsGenesis(int link) {
        return (flags[link] & PREVIOUS_IS_HEX) != 0 && previousHashes[link * WORDS] == 0
                && previousHashes[link * WORDS + 1] == 0 && previousHashes[link * WORDS + 2] == 0
                && previousHashes[link * WORDS + 3] == 0;
    }

    /** Whether the previous hash a link claims (lowercase hex) is the stored hash of another. */
    boolean previousIsHashOf(int link, int predecessor) {
        if ((flags[link] & PREVIOUS_IS_HEX) == 0 || (flags[predecessor] & HASH_IS_HEX) == 0) {
            return false;
        }
        return Arrays.equals(previousHashes, link * WORDS, link * WORDS + WORDS, hashes, predecessor * WORDS,
                predecessor * WORDS + WORDS);
    }

    /**
     * For each link before {@code end} whose content does not give its stored hash, how many links
     * before {@code end} carry that same stored hash (a copied row shares its original's). Counted
     * in one pass, and only when there is such a link: an intact range needs no count at all.
     */
    Map<Integer, Integer> hashUsesOfUnmatched(int end) {
        Map<Object, Integer> uses = new HashMap<>();
        for (int link = 0; link < end; link++) {
            if (hasHash(link) && !contentMatches(link)) {
                uses.put(hashKey(link), 0);
            }
        }
        if (uses.isEmpty()) {
            return Map.of();
        }
        for (int link = 0; link < end; link++) {
            if (hasHash(link)) {
                uses.computeIfPresent(hashKey(link), (key, count) -> count + 1);
            }
        }
        Map<Integer, Integer> byLink = new HashMap<>();
        for (int link = 0; link < end; link++) {
            if (hasHash(link) && !contentMatches(link)) {
                byLink.put(link, uses.get(hashKey(link)));
            }
        }
        return byLink;
    }

    private record HexHash(long first, long second, long third, long fourth) {
    }

    /** Equal for two links exactly when their stored hash texts are equal. */
    private Object hashKey(int link) {
        if ((flags[link] & HASH_IS_HEX) == 0) {
            return otherHashes.get(link);
        }
        int at = link * WORDS;
        return new HexHash(hashes[at], hashes[at + 1], hashes[at + 2], hashes[at + 3]);
    }

    /**
     * The links before {@code end}, grouped by aggregate (in aggregate number order), each group in
     * the links' order.
     *
     * @return the groups' links, one after the other; {@code starts} receives each group's first position
     *         and, last, the end
     */
    int[] byAggregate(int end, int[] starts) {
        int aggregateCount = aggregateCount();
        int[] counts = new int[aggregateCount + 1];
        for (int link = 0; link < end; link++) {
            counts[aggregates[link] + 1]++;
        }
        for (int aggregate = 0; aggregate < aggregateCount; aggregate++) {
            counts[aggregate + 1] += counts[aggregate];
        }
        System.arraycopy(counts, 0, starts, 0, aggregateCount + 1);
        int[] grouped = new int[end];
        int[] next = Arrays.copyOf(counts, aggregateCount);
        for (int link = 0; link < end; link++) {
            grouped[next[aggregates[link]]++] = link;
        }
        return grouped;
    }

    private int aggregateNumber(String aggregateId) {
        Integer known = aggregateNumbers.get(aggregateId);
        if (known != null) {
            return known;
        }
        int number = aggregateNumbers.size();
        aggregateNumbers.put(aggregateId, number);
        if (number == aggregateIds.length) {
            aggregateIds = Arrays.copyOf(aggregateIds, number * 2);
        }
        aggregateIds[number] = aggregateId;
        return number;
    }

    private static boolean sameWords(long[] words, int link, ByteBuffer content) {
        for (int word = 0; word < WORDS; word++) {
            if (words[link * WORDS + word] != content.getLong(word * Long.BYTES)) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        if (size < globalIndexes.length) {
            return;
        }
        int capacity = globalIndexes.length * 2;
        globalIndexes = Arrays.copyOf(globalIndexes, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        aggregates = Arrays.copyOf(aggregates, capacity);
        flags = Arrays.copyOf(flags, capacity);
        hashes = Arrays.copyOf(hashes, capacity * WORDS);
        previousHashes = Arrays.copyOf(previousHashes, capacity * WORDS);
    }
}
