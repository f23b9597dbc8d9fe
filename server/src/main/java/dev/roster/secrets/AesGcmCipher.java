package dev.roster.secrets;

import dev.roster.domain.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret values and credential passwords at rest: AES-256-GCM (NIST SP 800-38D) with a fresh random
 * 96-bit nonce per value, stored as base64 of nonce ‖ ciphertext ‖ tag. The key id (the first bytes
 * of the key's SHA-256) is stored beside each value, so a rekey knows what is left.
 *
 * <pre>{@code
 * AesGcmCipher cipher = AesGcmCipher.of(Base64.getDecoder().decode(keyText));
 * SecretCipher.Sealed sealed = cipher.seal("s3cret");
 * }</pre>
 */
public final class AesGcmCipher implements SecretCipher {
  public static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final String keyId;

  private AesGcmCipher(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "a secrets key is " + KEY_BYTES + " bytes (base64 of 32 random bytes)");
    }
    this.key = new SecretKeySpec(key, "AES");
    this.keyId = keyId(key);
  }

  public static AesGcmCipher of(byte[] key) {
    return new AesGcmCipher(key);
  }

  public String keyId() {
    return keyId;
  }

  @Override
  public Sealed seal(String clear) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] encrypted = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(nonce.length + encrypted.length);
      out.put(nonce).put(encrypted);
      return new Sealed(keyId, Base64.getEncoder().encodeToString(out.array()));
    } catch (GeneralSecurityException e) {
      // Never the value in the message: only that encryption failed.
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** The clear value; for re-encryption under a new key only. */
  public String open(Sealed sealed) {
    if (!sealed.keyId().equals(keyId)) {
      throw new IllegalArgumentException(
          "a value is encrypted under key " + sealed.keyId() + ", not " + keyId);
    }
    byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
      byte[] clear = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
      return new String(clear, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a value under key " + keyId + " does not decrypt", e);
    }
  }

  private static String keyId(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
