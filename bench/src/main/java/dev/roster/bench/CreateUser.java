package dev.roster.bench;

/** {@code POST /Users} of a new user (no password: a LOCAL_NO_AUTH account, as IdPs create). */
record CreateUser(String tag) implements Scenario {
  @Override
  public String name() {
    return "POST /Users";
  }

  @Override
  public Step step(int worker) {
    return new Step() {
      private int n;

      @Override
      public Outcome perform(Http http) {
        String userName = tag + "-w" + worker + "-" + n++;
        return Outcome.expect(
            "POST " + userName, http.post("/scim/v2/Users", UserJson.create(userName, n)), 201);
      }
    };
  }
}
