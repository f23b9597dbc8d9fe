package dev.roster.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secrets key comes from: {@code secrets.key} ({@code ROSTER_SECRETS_KEY}, base64 of 32
 * bytes) when set; otherwise a key file {@code secrets.key} in the data directory, made on first
 * start (readable by its owner only). Several nodes on one PostgreSQL must share a configured key.
 */
public final class SecretKeys {
  private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
  static final String FILE = "secrets.key";

  private SecretKeys() {}

  /** The configured key, or the data directory's key file (made now if missing). */
  public static AesGcmCipher cipher(String configuredKey, Path dataDir) {
    if (configuredKey != null && !configuredKey.isBlank()) {
      return AesGcmCipher.of(decode(configuredKey, "secrets.key (ROSTER_SECRETS_KEY)"));
    }
    Path file = dataDir.resolve(FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] key = new byte[AesGcmCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.UTF_8);
        restrict(file);
        LOG.warn(
            "secrets key created file={}: back it up with the database; nodes sharing a"
                + " database need one key in ROSTER_SECRETS_KEY",
            file.toAbsolutePath());
      }
      return AesGcmCipher.of(decode(Files.readString(file).strip(), file.toString()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secrets key " + file, e);
    }
  }

  /** A key in its text form, or a message naming where it came from (never the key itself). */
  public static byte[] decode(String text, String where) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": is not base64");
    }
    if (key.length != AesGcmCipher.KEY_BYTES) {
      throw new IllegalArgumentException(
          where + ": must be 32 bytes in base64 (openssl rand -base64 32), got " + key.length);
    }
    return key;
  }

  private static void restrict(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the directory's own permissions are what protect it.
    }
  }
}
