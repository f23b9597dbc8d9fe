package dev.roster.sync.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.Conflict;
import dev.roster.sync.plan.GroupChange;
import dev.roster.sync.plan.MembershipChange;
import dev.roster.sync.plan.MembershipChange.Ref;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.PlanWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplierTest {
  private static final SyncPlan PLAN =
      new SyncPlan(
          "corp",
          List.of(create("ada"), create("bob"), create("cy")),
          List.of(group("admins"), group("staff")),
          List.of(add("admins", "ada"), add("staff", "bob")),
          List.of(new Conflict("dee", "uid=dee,dc=ex", "LOCAL", "skipped")));

  private final List<String> applied = new ArrayList<>();
  private final PlanWriter store = (source, batch) -> applied.add(source + ":\n" + batch.render());

  @Test
  void batchesHoldAtMostTheBatchSizeUsersFirstThenGroupsThenMemberships() {
    int batches = new Applier(store, 3).apply(PLAN);

    assertThat(batches).isEqualTo(3);
    assertThat(applied)
        .containsExactly(
            """
            corp:
            user create ada anchor=u-ada dn=uid=ada,dc=ex
            user create bob anchor=u-bob dn=uid=bob,dc=ex
            user create cy anchor=u-cy dn=uid=cy,dc=ex""",
            """
            corp:
            group create admins anchor=g-admins
            group create staff anchor=g-staff
            membership add group=anchor:g-admins user=anchor:u-ada""",
            """
            corp:
            membership add group=anchor:g-staff user=anchor:u-bob""");
  }

  @Test
  void anEmptyPlanWritesNothing() {
    new Applier(store, 3).apply(new SyncPlan("corp", List.of(), List.of(), List.of(), List.of()));

    assertThat(applied).isEmpty();
  }

  @Test
  void aBatchSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> new Applier(store, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  private static UserChange create(String name) {
    return new UserChange.Create(
        new DirectoryUser(
            "u-" + name, "uid=" + name + ",dc=ex", name, null, null, null, null, true));
  }

  private static GroupChange group(String name) {
    return new GroupChange.Create(
        new DirectoryGroup("g-" + name, "cn=" + name + ",dc=ex", name, Set.of()));
  }

  private static MembershipChange add(String group, String user) {
    return new MembershipChange.Add(Ref.anchor("g-" + group), Ref.anchor("u-" + user));
  }
}
