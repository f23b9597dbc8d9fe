package dev.roster.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Now, at the millisecond precision that every database here stores exactly. */
public final class Clock {
  private Clock() {}

  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
