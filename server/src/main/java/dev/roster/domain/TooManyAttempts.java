package dev.roster.domain;

/** Too many failed password checks for one userName lately; try again after the wait. */
public final class TooManyAttempts extends RosterException {
  private final long retryAfterSeconds;

  public TooManyAttempts(long retryAfterSeconds) {
    super(
        "too many failed attempts for this userName; try again in "
            + retryAfterSeconds
            + " seconds");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds until an attempt is accepted again (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
