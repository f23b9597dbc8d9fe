package dev.roster.bench;

/** {@code PATCH /Users/{id}} replacing the display name of a random user (RFC 7644 §3.5.2.3). */
record PatchReplace(DataSet data) implements Scenario {
  @Override
  public String name() {
    return "PATCH /Users/{id} replace";
  }

  @Override
  public Step step(int worker) {
    return new Step() {
      private int n;

      @Override
      public Outcome perform(Http http) {
        String target = "/scim/v2/Users/" + data.randomId();
        String body =
            UserJson.patch("replace", "displayName", "\"Renamed " + worker + "-" + n++ + "\"");
        return Outcome.expect("PATCH " + target, http.patch(target, body), 200, 204);
      }
    };
  }
}
