package dev.roster.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code PATCH /Groups/{id}} adding one member to the data set's large group (RFC 7644 §3.5.2.1),
 * as Okta and Entra push group members. Each add is of a user who is not a member, taken in turn
 * from the data set's spare users, and each is followed by an untimed PATCH removing that user
 * again: the pool never runs out, however fast the adds are. (It used to run out: once adds took a
 * millisecond, the warm-up alone used up all 10,000 spares and nothing was left to measure.)
 */
final class AddMember implements Scenario {
  private final String groupId;
  private final List<String> candidates;
  private final AtomicInteger next = new AtomicInteger();

  AddMember(String groupId, List<String> candidates) {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("the member-add scenario needs spare users");
    }
    this.groupId = groupId;
    this.candidates = candidates;
  }

  @Override
  public String name() {
    return "PATCH add 1 member to the large group";
  }

  @Override
  public Step step(int worker) {
    String target = "/scim/v2/Groups/" + groupId;
    return new Step() {
      private String added;

      @Override
      public Outcome perform(Http http) {
        if (added != null) {
          String filter = "members[value eq \\\"" + added + "\\\"]";
          added = null;
          Outcome removed =
              Outcome.expect("PATCH " + target, http.patch(target, remove(filter)), 200, 204);
          return removed.ok() ? Outcome.UNTIMED : removed;
        }
        String user = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
        String body = UserJson.patch("add", "members", "[{\"value\":\"" + user + "\"}]");
        Outcome outcome = Outcome.expect("PATCH " + target, http.patch(target, body), 200, 204);
        if (outcome.ok()) {
          added = user;
        }
        return outcome;
      }
    };
  }

  private static String remove(String path) {
    return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
        + "\"Operations\":[{\"op\":\"remove\",\"path\":\""
        + path
        + "\"}]}";
  }
}
