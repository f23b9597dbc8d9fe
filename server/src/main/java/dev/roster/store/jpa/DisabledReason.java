package dev.roster.store.jpa;

/** The values of {@code user_account.disabled_reason}. */
final class DisabledReason {
  /** The entry left the directory; the sync enables the user again when it returns. */
  static final String LEFT_DIRECTORY = "LEFT_DIRECTORY";

  /** The entry is disabled in the directory; the user follows the directory. */
  static final String DIRECTORY = "DIRECTORY";

  /** An administrator disabled the user; no sync undoes it. */
  static final String ADMIN = "ADMIN";

  private DisabledReason() {}
}
