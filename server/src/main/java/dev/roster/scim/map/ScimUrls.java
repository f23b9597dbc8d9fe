package dev.roster.scim.map;

import java.net.URI;
import java.util.UUID;

/**
 * The absolute URLs of resources under one base (the {@code /scim/v2/} the request came to), as
 * text: every resource shown carries one in {@code meta.location}, every group member and user's
 * group one in {@code $ref}, and resolving a URI for each (2.3 % of a GET by id in a profile) gave
 * the same text as appending the id to its collection's URL, resolved once.
 */
public record ScimUrls(URI base, String users, String groups) {
  public ScimUrls(URI base) {
    this(base, base.resolve("Users/").toString(), base.resolve("Groups/").toString());
  }

  public String user(UUID id) {
    return users + id;
  }

  public String group(UUID id) {
    return groups + id;
  }
}
