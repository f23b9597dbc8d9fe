package dev.roster.sync.read;

import dev.roster.sync.config.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Where a source's next incremental run starts, as the opaque string the store keeps: {@code
 * v1|cs|<fingerprint>|<base64 cookie>} for RFC 4533 content synchronization, {@code
 * v1|ts|<fingerprint>|<generalized time>} for a modifyTimestamp mark. The fingerprint hashes the
 * source's URLs and user settings: a cursor taken with other settings (another base DN, filter or
 * attribute mapping) says nothing about what the new settings select, so it is not used and the run
 * is a full one.
 */
record SyncCursor(Kind kind, String fingerprint, String value) {
  private static final String VERSION = "v1";

  enum Kind {
    CONTENT_SYNC("cs"),
    TIMESTAMP("ts");

    final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  static SyncCursor of(Kind kind, SourceSettings source, String value) {
    return new SyncCursor(kind, fingerprint(source), value);
  }

  String encode() {
    return VERSION + "|" + kind.code + "|" + fingerprint + "|" + value;
  }

  /** The cursor in {@code text}, or empty when it is not one this version wrote. */
  static Optional<SyncCursor> decode(String text) {
    String[] parts = text == null ? new String[0] : text.split("\\|", -1);
    if (parts.length != 4 || !parts[0].equals(VERSION) || parts[3].isEmpty()) {
      return Optional.empty();
    }
    for (Kind kind : Kind.values()) {
      if (kind.code.equals(parts[1])) {
        return Optional.of(new SyncCursor(kind, parts[2], parts[3]));
      }
    }
    return Optional.empty();
  }

  /** Whether the cursor was taken with the source's current URLs and user settings. */
  boolean fits(SourceSettings source) {
    return fingerprint.equals(fingerprint(source));
  }

  static String fingerprint(SourceSettings source) {
    String settings = source.connection().urls() + "\n" + source.users();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(settings.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
