package dev.roster.domain;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids of users and groups: UUIDs of version 7 (RFC 9562, section 5.7), a 48-bit millisecond
 * timestamp followed by 74 random bits. Ids made one after another sort one after another, so a
 * table or index keyed by id takes them at its end: with random ids (version 4) every insert lands
 * on a leaf page of its own, which the database must then write back whole. A first sync of 100,000
 * users dirtied thousands of pages per store that way (BENCHMARKS.md).
 *
 * <pre>{@code
 * UUID id = Ids.next(); // e.g. 019aa9e4-6c1f-7b3e-9f0a-…, after every id made before this millisecond
 * }</pre>
 *
 * <p>The timestamp is the id's only readable part, and tells no more than the resource's {@code
 * meta.created}, read a moment apart; the random bits come from the same source as {@link
 * UUID#randomUUID()}.
 */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID next() {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    ByteBuffer bits = ByteBuffer.wrap(random);
    long randA = bits.getShort() & 0x0FFFL;
    long randB = bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL;
    long high = (System.currentTimeMillis() << 16) | 0x7000L | randA;
    long low = 0x8000_0000_0000_0000L | randB;
    return new UUID(high, low);
  }
}
