package dev.roster.store.jpa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A set of strings held as 128-bit digests in one table of longs, 32 bytes a key at most: the
 * anchors a sync run has read and the userNames it claims. As rows they were written and deleted
 * again by every run (a third of an unchanged run of 100,000 users); as strings they would take
 * about 120 bytes each.
 *
 * <p>A digest is SHA-256 over a salt drawn for this set and the key, cut to 128 bits. Two keys of
 * one run share a digest with a probability of about n² / 2¹²⁹ (10⁻²⁹ at a million keys), and the
 * salt makes whatever pair did so differ in the next run.
 *
 * <pre>{@code
 * KeyDigests seen = new KeyDigests();
 * seen.add("2f6c…");      // true: new
 * seen.contains("2f6c…"); // true
 * }</pre>
 */
final class KeyDigests {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageDigest sha256;
  private final byte[] salt = new byte[16];

  /** Pairs of longs, a digest each; (0, 0) marks a free slot, so no digest is stored as that. */
  private long[] slots = new long[2 * 1024];

  private int size;

  KeyDigests() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    RANDOM.nextBytes(salt);
  }

  /** Adds {@code key}; answers whether it was new. */
  synchronized boolean add(String key) {
    long[] digest = digest(key);
    int slot = find(slots, digest[0], digest[1]);
    if (slots[slot] != 0 || slots[slot + 1] != 0) {
      return false;
    }
    slots[slot] = digest[0];
    slots[slot + 1] = digest[1];
    if (++size * 4 > slots.length) {
      grow();
    }
    return true;
  }

  synchronized boolean contains(String key) {
    long[] digest = digest(key);
    int slot = find(slots, digest[0], digest[1]);
    return slots[slot] != 0 || slots[slot + 1] != 0;
  }

  synchronized int size() {
    return size;
  }

  /** The slot holding this digest, or the free one where it belongs (linear probing). */
  private static int find(long[] table, long high, long low) {
    int mask = table.length / 2 - 1;
    int index = (int) (low ^ (low >>> 32)) & mask;
    while (true) {
      int slot = 2 * index;
      if ((table[slot] == 0 && table[slot + 1] == 0)
          || (table[slot] == high && table[slot + 1] == low)) {
        return slot;
      }
      index = (index + 1) & mask;
    }
  }

  /** Doubles the table, at half full: linear probing stays short. */
  private void grow() {
    long[] larger = new long[slots.length * 2];
    for (int slot = 0; slot < slots.length; slot += 2) {
      if (slots[slot] != 0 || slots[slot + 1] != 0) {
        int to = find(larger, slots[slot], slots[slot + 1]);
        larger[to] = slots[slot];
        larger[to + 1] = slots[slot + 1];
      }
    }
    slots = larger;
  }

  private long[] digest(String key) {
    sha256.update(salt);
    ByteBuffer bytes = ByteBuffer.wrap(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    long high = bytes.getLong();
    long low = bytes.getLong();
    return high == 0 && low == 0 ? new long[] {0, 1} : new long[] {high, low};
  }
}
