package dev.roster.domain;

import java.time.Instant;

/** A trial licence: granted at one instant, over at another. */
public record Trial(Instant grantedOn, Instant expiresOn) {
  /** Running now: granted, and not yet over. */
  public boolean valid(Instant now) {
    return (grantedOn == null || !now.isBefore(grantedOn)) && !expired(now);
  }

  public boolean expired(Instant now) {
    return expiresOn != null && !now.isBefore(expiresOn);
  }
}
