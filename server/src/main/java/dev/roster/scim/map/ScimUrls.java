package dev.roster.scim.map;

import java.net.URI;
import java.util.UUID;

/** The absolute URLs of resources under one base (the {@code /scim/v2/} the request came to). */
public record ScimUrls(URI base) {
  public URI user(UUID id) {
    return base.resolve("Users/" + id);
  }

  public URI group(UUID id) {
    return base.resolve("Groups/" + id);
  }
}
