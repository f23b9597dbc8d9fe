package dev.roster.domain;

/**
 * Encrypts secret values at rest (implemented with AES-GCM in {@code dev.roster.secrets}). There is
 * no decrypt here on purpose: nothing in Roster's domain reads a secret back.
 */
public interface SecretCipher {
  Sealed seal(String clear);

  /** An encrypted value and the id of the key it was encrypted under. */
  record Sealed(String keyId, String ciphertext) {}
}
