package dev.roster.sync.plan;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of a plan's rendered lines that does not depend on their order: the sum of each
 * line's SHA-256 (its first 64 bits) and the number of lines. A plan made a page at a time, in the
 * order the directory returned its entries, then has the same digest as the same plan made from
 * another read of an unchanged directory — which is what approving a blocked plan compares.
 */
final class PlanDigest {
  private long sum;
  private long lines;

  void add(String line) {
    sum += ByteBuffer.wrap(sha256(line)).getLong();
    lines++;
  }

  String value() {
    return HexFormat.of().toHexDigits(sum) + "-" + lines;
  }

  private static byte[] sha256(String line) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
