package dev.roster.domain;

/** The thing asked for is already being done (a sync run of the same source): 409, retry later. */
public final class InProgress extends RosterException {
  public InProgress(String message) {
    super(message);
  }
}
