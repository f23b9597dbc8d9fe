package dev.roster.domain;

import java.util.UUID;

/**
 * A reference to a would-be member. Its type is looked up in the store, not trusted; a type the
 * client stated must agree with it (RFC 7643 §4.2: {@code members.type} is immutable).
 *
 * @param type the type the client stated, or null when it stated none
 */
public record MemberRef(UUID id, MemberType type) {
  public MemberRef(UUID id) {
    this(id, null);
  }
}
