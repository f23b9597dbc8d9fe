package dev.roster.domain;

/**
 * Sizes the store guarantees to hold. Checked by the services, so an oversized value is a 400
 * naming the attribute and its limit rather than a database error.
 */
public final class Limits {
  /** userName, displayName, externalId: the width of their columns. */
  public static final int NAME_LENGTH = 256;

  /** The case-folded key can be longer than the name it folds (İ → i̇); its column is wider. */
  public static final int KEY_LENGTH = 1024;

  /** Long enough for any passphrase; bounded because hashing cost grows with it. */
  public static final int PASSWORD_LENGTH = 1024;

  private Limits() {}

  public static void name(String field, String value) {
    if (value == null) {
      return;
    }
    if (value.length() > NAME_LENGTH) {
      throw new Invalid(field, "must be at most " + NAME_LENGTH + " characters long");
    }
    if (CaseInsensitive.key(value).length() > KEY_LENGTH) {
      throw new Invalid(field, "is too long once normalized for comparison");
    }
  }

  public static void password(String password) {
    if (password.isBlank()) {
      throw new Invalid("password", "must not be empty");
    }
    if (password.length() > PASSWORD_LENGTH) {
      throw new Invalid("password", "must be at most " + PASSWORD_LENGTH + " characters long");
    }
  }
}
