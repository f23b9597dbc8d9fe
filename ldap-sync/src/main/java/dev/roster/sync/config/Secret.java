package dev.roster.sync.config;

/**
 * A secret value (a bind password) that never shows in {@code toString()}, logs or messages. Read
 * it with {@link #reveal()} only where it is used.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  public static Secret of(String value) {
    return new Secret(value == null ? "" : value);
  }

  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value.isEmpty() ? "" : "****";
  }
}
