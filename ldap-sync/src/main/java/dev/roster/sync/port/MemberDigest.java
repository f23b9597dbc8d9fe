package dev.roster.sync.port;

import java.util.UUID;

/**
 * An order-independent fingerprint of a set of member ids: their count and two sums of two
 * independent 64-bit mixes of each id. The store keeps one per group and origin as of a version of
 * the group ({@link StoredGroup#heldDigest}), so that a run whose directory still wants exactly
 * what a group holds skips reading that group's memberships. Two different sets share a digest only
 * by a 2^-128 chance: the ids are random UUIDs that no client chooses.
 *
 * <pre>{@code
 * MemberDigest digest = new MemberDigest();
 * members.forEach(digest::add);
 * digest.value(); // "3:9f…:41…", the same whatever the order
 * }</pre>
 */
public final class MemberDigest {
  private long count;
  private long first;
  private long second;

  public void add(UUID id) {
    count++;
    first += mix(id.getMostSignificantBits() ^ mix(id.getLeastSignificantBits()));
    second +=
        mix(id.getLeastSignificantBits() + 0x9E3779B97F4A7C15L * mix(~id.getMostSignificantBits()));
  }

  public String value() {
    return count + ":" + Long.toHexString(first) + ":" + Long.toHexString(second);
  }

  /** The finalizer of SplitMix64: every input bit moves about half the output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
