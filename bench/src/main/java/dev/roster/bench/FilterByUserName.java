package dev.roster.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /Users?filter=userName eq "…"} for a random existing user, as an identity provider
 * asks before it creates one (Okta adds {@code startIndex=1&count=100}). Exactly one must match.
 */
record FilterByUserName(DataSet data) implements Scenario {
  @Override
  public String name() {
    return "GET /Users?filter=userName eq";
  }

  @Override
  public Step step(int worker) {
    return http -> {
      String filter = "userName eq \"" + UserJson.userName(data.randomIndex()) + "\"";
      Reply reply =
          http.get(
              "/scim/v2/Users?filter="
                  + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                  + "&startIndex=1&count=100");
      if (!reply.is(200) || reply.totalResults() != 1) {
        return Outcome.failed(filter, reply);
      }
      return Outcome.OK;
    };
  }
}
