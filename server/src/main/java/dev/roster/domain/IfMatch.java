package dev.roster.domain;

import java.util.Set;

/**
 * An {@code If-Match} precondition (RFC 9110 §13.1.1, RFC 7644 §3.14): the versions a client
 * expects the resource to be at. Checked inside the write's transaction, so a concurrent change
 * between the check and the write cannot slip through.
 */
public record IfMatch(Set<Long> versions, boolean any) {
  public static final IfMatch NONE = new IfMatch(Set.of(), true);

  public void check(long currentVersion) {
    if (!any && !versions.contains(currentVersion)) {
      throw new PreconditionFailed(
          "the resource is at version W/\""
              + currentVersion
              + "\", not the one in If-Match; read it again and retry");
    }
  }
}
