package dev.roster.config;

/**
 * @param key base64 of the 32-byte AES key that encrypts user secrets at rest (ROSTER_SECRETS_KEY);
 *     blank = a key file in the data directory ({@code dev.roster.secrets.SecretKeys})
 */
public record SecretsConfig(String key) {
  /** Redacts the key: configs get logged at start. */
  @Override
  public String toString() {
    return "SecretsConfig[key=" + Redaction.mask(key) + "]";
  }
}
