package dev.roster.store.jpa;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A set of strings held as 128-bit digests in one table of longs, 32 to 64 bytes a key: the anchors
 * a sync run has read and the userNames it claims. As rows they were written and deleted again by
 * every run (a third of an unchanged run of 100,000 users); as strings they would take about 120
 * bytes each. {@link #withIds()} makes a map from such keys to ids (64 to 128 bytes a key): the
 * users and groups a run has created, by anchor. The table doubles at half full.
 *
 * <p>A digest is SHA-256 over a salt drawn for this set and the key, cut to 128 bits. Two keys of
 * one run share a digest with a probability of about n² / 2¹²⁹ (10⁻²⁹ at a million keys), and the
 * salt makes whatever pair did so differ in the next run.
 *
 * <pre>{@code
 * KeyDigests seen = new KeyDigests();
 * seen.add("2f6c…");      // true: new
 * seen.contains("2f6c…"); // true
 *
 * KeyDigests created = KeyDigests.withIds();
 * created.put("2f6c…", id);
 * created.get("2f6c…");   // id; null for a key never put
 * }</pre>
 */
final class KeyDigests {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final MessageDigest sha256;
  private final byte[] salt = new byte[16];

  /** Longs a slot takes: a digest (2), then its id's two halves (2) in a map. */
  private final int stride;

  /**
   * Slots of {@link #stride} longs, a digest first; a digest of (0, 0) marks a free slot, so no
   * digest is stored as that.
   */
  private long[] slots;

  private int size;

  /** A set. */
  KeyDigests() {
    this(2);
  }

  /** A map from keys to ids. */
  static KeyDigests withIds() {
    return new KeyDigests(4);
  }

  private KeyDigests(int stride) {
    this.stride = stride;
    this.slots = new long[stride * 1024];
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
    RANDOM.nextBytes(salt);
  }

  /** Adds {@code key}; answers whether it was new. */
  synchronized boolean add(String key) {
    return insert(key) >= 0;
  }

  synchronized boolean contains(String key) {
    long[] digest = digest(key);
    int slot = find(slots, stride, digest[0], digest[1]);
    return slots[slot] != 0 || slots[slot + 1] != 0;
  }

  /** Maps {@code key} to {@code id}, replacing the id it had. */
  synchronized void put(String key, UUID id) {
    if (stride < 4) {
      throw new IllegalStateException("a set of keys holds no ids");
    }
    int slot = insert(key);
    if (slot < 0) {
      slot = -slot - 1;
    }
    slots[slot + 2] = id.getMostSignificantBits();
    slots[slot + 3] = id.getLeastSignificantBits();
  }

  /** The id {@code key} was put with, or null. */
  synchronized UUID get(String key) {
    if (stride < 4) {
      throw new IllegalStateException("a set of keys holds no ids");
    }
    long[] digest = digest(key);
    int slot = find(slots, stride, digest[0], digest[1]);
    if (slots[slot] == 0 && slots[slot + 1] == 0) {
      return null;
    }
    return new UUID(slots[slot + 2], slots[slot + 3]);
  }

  synchronized int size() {
    return size;
  }

  /**
   * Adds the key's digest and answers its slot, or {@code -slot - 1} when it was there already (and
   * may have moved: a table grows after an insert).
   */
  private int insert(String key) {
    long[] digest = digest(key);
    int slot = find(slots, stride, digest[0], digest[1]);
    if (slots[slot] != 0 || slots[slot + 1] != 0) {
      return -slot - 1;
    }
    slots[slot] = digest[0];
    slots[slot + 1] = digest[1];
    if (++size * 2 * stride > slots.length) {
      grow();
      slot = find(slots, stride, digest[0], digest[1]);
    }
    return slot;
  }

  /** The slot holding this digest, or the free one where it belongs (linear probing). */
  private static int find(long[] table, int stride, long high, long low) {
    int mask = table.length / stride - 1;
    int index = (int) (low ^ (low >>> 32)) & mask;
    while (true) {
      int slot = stride * index;
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
    for (int slot = 0; slot < slots.length; slot += stride) {
      if (slots[slot] != 0 || slots[slot + 1] != 0) {
        int to = find(larger, stride, slots[slot], slots[slot + 1]);
        System.arraycopy(slots, slot, larger, to, stride);
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
