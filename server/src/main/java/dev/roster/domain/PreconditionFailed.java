package dev.roster.domain;

/** An {@code If-Match} precondition did not hold: the resource changed since the client read it. */
public final class PreconditionFailed extends RosterException {
  public PreconditionFailed(String message) {
    super(message);
  }
}
