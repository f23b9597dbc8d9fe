package dev.roster.domain;

/**
 * A write would leave a tenant without an active administrator: refused (409), because nobody could
 * then manage the tenant over SCIM.
 */
public final class LastAdministrator extends RosterException {
  public LastAdministrator(String message) {
    super(message);
  }
}
