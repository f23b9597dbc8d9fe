package dev.roster.sync.plan;

import static dev.roster.sync.plan.Fixtures.dn;
import static dev.roster.sync.plan.Fixtures.given;
import static dev.roster.sync.plan.Fixtures.group;
import static dev.roster.sync.plan.Fixtures.membership;
import static dev.roster.sync.plan.Fixtures.mirror;
import static dev.roster.sync.plan.Fixtures.readable;
import static dev.roster.sync.plan.Fixtures.stored;
import static dev.roster.sync.plan.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.PolicySettings.Deletion;
import dev.roster.sync.model.DirectoryUser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Planner#planIncremental}: the users read are the changed ones, groups are all read. */
class IncrementalPlannerTest {
  private static final DirectoryUser ADA = user("ada");
  private static final DirectoryUser BOB = user("bob");
  private static final DirectoryUser ADA_RENAMED =
      new DirectoryUser(
          "u-ada", dn("ada.l"), "ada.l", "Ada", "Example", "Ada Example", "ada@ex", true);

  static Stream<Arguments> plans() {
    return Stream.of(
        row(
            "a user absent from the delta is neither disabled nor touched",
            given().read(BOB).held(stored(ADA), stored(BOB)),
            ""),
        row(
            "a new entry is created",
            given().read(BOB).held(stored(ADA)),
            "user create bob anchor=u-bob dn=uid=bob,ou=people,dc=ex"),
        row(
            "an anchor named as deleted is disabled",
            given().deleted("u-ada").held(stored(ADA), stored(BOB)),
            "user disable ada (left the directory)"),
        row(
            "an anchor named as deleted is deleted under policy delete",
            given().deleted("U-ADA").held(stored(ADA)).deletion(Deletion.DELETE),
            "user delete ada"),
        row(
            "a deleted anchor the source never held plans nothing",
            given().deleted("u-zed").held(stored(ADA)),
            ""),
        row(
            "an unchanged user is a member through its stored DN",
            given().read(group("admins", dn("ada"))).held(stored(ADA)).held(mirror("admins")),
            "membership add group=#admins user=#ada"),
        row(
            "memberUid resolves through the stored userName",
            given()
                .membership(Membership.MEMBER_UID, false)
                .read(group("admins", "ada"))
                .held(stored(ADA))
                .held(mirror("admins")),
            "membership add group=#admins user=#ada"),
        row(
            "a membership the group no longer states is removed",
            given()
                .read(group("admins", dn("bob")))
                .held(stored(ADA), stored(BOB))
                .held(mirror("admins"))
                .held(membership("admins", "ada"), membership("admins", "bob")),
            "membership remove group=#admins user=#ada"),
        row(
            "a renamed user keeps its membership under its new DN",
            given()
                .read(ADA_RENAMED)
                .read(group("admins", dn("ada.l")))
                .held(stored(ADA))
                .held(mirror("admins"))
                .held(membership("admins", "ada")),
            "user update ada.l fields=dn,userName"),
        row(
            "a user named as deleted loses its memberships",
            given()
                .deleted("u-ada")
                .read(group("admins", dn("ada")))
                .held(stored(ADA))
                .held(mirror("admins"))
                .held(membership("admins", "ada")),
            """
            membership remove group=#admins user=#ada
            user disable ada (left the directory)"""),
        row(
            "a user that left before is no member, as in a full run",
            given()
                .read(group("admins", dn("ada")))
                .held(stored(ADA, false, true, false))
                .held(mirror("admins")),
            ""),
        row(
            "a user that left and changed comes back with its memberships",
            given()
                .read(ADA)
                .read(group("admins", dn("ada")))
                .held(stored(ADA, false, true, false))
                .held(mirror("admins")),
            """
            membership add group=#admins user=#ada
            user enable ada"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansAsRendered(String scenario, Fixtures.Case given, String expected) {
    assertThat(readable(given.planIncremental().render())).isEqualTo(expected);
  }

  @Test
  void aDeltaHoldingEveryEntryPlansAsAFullReadWhereNothingLeft() {
    Fixtures.Case given =
        given()
            .read(ADA_RENAMED, BOB, user("cy"))
            .read(group("admins", dn("ada.l"), dn("cy")), group("staff", dn("bob")))
            .held(stored(ADA), stored(BOB, false, true, false))
            .held(mirror("admins"), mirror("old"))
            .held(membership("admins", "ada"), membership("old", "ada"));

    assertThat(given.planIncremental().render()).isEqualTo(given.plan().render());
  }

  private static Arguments row(String scenario, Fixtures.Case given, String expected) {
    return Arguments.of(scenario, given, expected);
  }
}
