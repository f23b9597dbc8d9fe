package dev.roster.domain;

/**
 * A rule of the domain said no. Subclasses name the kind; the SCIM layer maps each kind to one
 * status and scimType. Messages are shown to clients, so they never carry secrets.
 */
public abstract class RosterException extends RuntimeException {
  protected RosterException(String message) {
    super(message, null, false, false);
  }
}
