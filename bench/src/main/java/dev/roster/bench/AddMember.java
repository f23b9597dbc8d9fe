package dev.roster.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code PATCH /Groups/{id}} adding one member to the data set's large group (RFC 7644 §3.5.2.1),
 * as Okta and Entra push group members. Each operation adds a user who is not a member yet, taken
 * from the data set's spare users; when they run out, the run ends early.
 */
final class AddMember implements Scenario {
  private final String groupId;
  private final List<String> candidates;
  private final AtomicInteger next = new AtomicInteger();

  AddMember(String groupId, List<String> candidates) {
    this.groupId = groupId;
    this.candidates = candidates;
  }

  @Override
  public String name() {
    return "PATCH add 1 member to the large group";
  }

  @Override
  public Step step(int worker) {
    return http -> {
      int index = next.getAndIncrement();
      if (index >= candidates.size()) {
        return Outcome.EXHAUSTED;
      }
      String target = "/scim/v2/Groups/" + groupId;
      String body =
          UserJson.patch("add", "members", "[{\"value\":\"" + candidates.get(index) + "\"}]");
      return Outcome.expect("PATCH " + target, http.patch(target, body), 200, 204);
    };
  }
}
