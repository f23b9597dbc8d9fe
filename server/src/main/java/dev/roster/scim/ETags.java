package dev.roster.scim;

import dev.roster.domain.IfMatch;
import java.util.HashSet;
import java.util.Set;

/**
 * Reading {@code If-Match} and {@code If-None-Match}. Roster's ETags are weak ({@code
 * W/"<version>"}); both headers compare weakly, so {@code "3"} and {@code W/"3"} name the same
 * version. A tag that is not one of ours matches nothing.
 */
public final class ETags {
  private ETags() {}

  public static IfMatch ifMatch(String header) {
    if (header == null || header.isBlank()) {
      return IfMatch.NONE;
    }
    if (header.strip().equals("*")) {
      return IfMatch.NONE;
    }
    return new IfMatch(versions(header), false);
  }

  /** True when {@code If-None-Match} names the current version (or is {@code *}). */
  public static boolean noneMatchHits(String header, long currentVersion) {
    if (header == null || header.isBlank()) {
      return false;
    }
    return header.strip().equals("*") || versions(header).contains(currentVersion);
  }

  private static Set<Long> versions(String header) {
    Set<Long> versions = new HashSet<>();
    for (String tag : header.split(",")) {
      String t = tag.strip();
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      try {
        versions.add(Long.parseLong(t));
      } catch (NumberFormatException e) {
        // not one of our tags: it matches no version
      }
    }
    return versions;
  }
}
