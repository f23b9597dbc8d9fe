package dev.roster.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What Microsoft Entra ID does to provision and then unassign one user, as one operation: look the
 * userName up ({@code filter=userName eq}, no match), create it, patch an attribute, deactivate it.
 * Entra's own spelling: capitalised op names and booleans as strings.
 */
record EntraCycle(String tag) implements Scenario {
  @Override
  public String name() {
    return "Entra cycle (filter, create, patch, deactivate)";
  }

  @Override
  public Step step(int worker) {
    return new Step() {
      private int n;

      @Override
      public Outcome perform(Http http) {
        String userName = tag + "-w" + worker + "-" + n++;
        String filter =
            URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8);
        Reply found = http.get("/scim/v2/Users?filter=" + filter);
        if (!found.is(200) || found.totalResults() != 0) {
          return Outcome.failed("filter " + userName, found);
        }
        Reply created = http.post("/scim/v2/Users", UserJson.create(userName, n));
        if (!created.is(201)) {
          return Outcome.failed("POST " + userName, created);
        }
        String target = "/scim/v2/Users/" + created.id();
        Reply patched =
            http.patch(
                target, UserJson.patch("Replace", "displayName", "\"Entra " + userName + "\""));
        if (!patched.is(200) && !patched.is(204)) {
          return Outcome.failed("PATCH " + target, patched);
        }
        Reply deactivated = http.patch(target, UserJson.patch("Replace", "active", "\"False\""));
        return Outcome.expect("PATCH active " + target, deactivated, 200, 204);
      }
    };
  }
}
