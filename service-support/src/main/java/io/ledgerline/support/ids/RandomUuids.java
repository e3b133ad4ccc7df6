package io.ledgerline.support.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs from a cryptographically strong generator of each thread's own.
 *
 * <p>{@link UUID#randomUUID()} draws from one generator shared by the whole JVM; on Linux that is
 * NativePRNG, which serializes every caller on a global lock and reads the kernel's random device
 * each time. A command makes several ids (its correlation id, each message's and each event's id),
 * so on a busy machine request threads queued on that lock, up to tens of milliseconds when its
 * holder was descheduled. A DRBG instance per thread needs no shared lock; it seeds itself from the
 * system's entropy like the shared one.
 */
public final class RandomUuids {

    private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(RandomUuids::newGenerator);

    private RandomUuids() {
    }

    public static UUID next() {
        byte[] bytes = new byte[16];
        GENERATORS.get().nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least);
    }

    public static String nextString() {
        return next().toString();
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM offers no DRBG SecureRandom", e);
        }
    }
}
