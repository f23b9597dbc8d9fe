package dev.roster.domain;

/**
 * An attribute that may not be written by this request, whatever its value: owned by a directory,
 * or immutable (RFC 7644 §3.12 {@code mutability}).
 */
public final class NotWritable extends RosterException {
  public NotWritable(String message) {
    super(message);
  }
}
