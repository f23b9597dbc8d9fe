package dev.roster.sync.plan;

import static dev.roster.sync.plan.Fixtures.disabled;
import static dev.roster.sync.plan.Fixtures.dn;
import static dev.roster.sync.plan.Fixtures.given;
import static dev.roster.sync.plan.Fixtures.group;
import static dev.roster.sync.plan.Fixtures.groupDn;
import static dev.roster.sync.plan.Fixtures.id;
import static dev.roster.sync.plan.Fixtures.membership;
import static dev.roster.sync.plan.Fixtures.mirror;
import static dev.roster.sync.plan.Fixtures.readable;
import static dev.roster.sync.plan.Fixtures.stored;
import static dev.roster.sync.plan.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.PolicySettings.Conflicts;
import dev.roster.sync.config.PolicySettings.Deletion;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.StoredGroup;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlannerTest {
  private static final DirectoryUser ADA = user("ada");
  private static final DirectoryUser BOB = user("bob");
  private static final DirectoryUser ADA_MOVED =
      new DirectoryUser(
          "u-ada",
          "uid=ada.l,ou=staff,dc=ex",
          "ada.l",
          "Ada",
          "Example",
          "Ada Example",
          "ada@ex",
          true);
  private static final DirectoryUser ADA_NEW_MAIL =
      new DirectoryUser(
          "u-ada", dn("ada"), "ada", "Ada", "Example", "Ada Example", "ada@new.ex", true);
  private static final DirectoryUser ADA_UPPER_DN =
      new DirectoryUser(
          "u-ada",
          "UID=Ada, OU=People, DC=ex",
          "ada",
          "Ada",
          "Example",
          "Ada Example",
          "ada@ex",
          true);
  private static final DirectoryUser ADA_RECREATED =
      new DirectoryUser(
          "u-ada-2", dn("ada"), "ada", "Ada", "Example", "Ada Example", "ada@ex", true);

  static Stream<Arguments> plans() {
    return Stream.of(
        row(
            "a new entry is created",
            given().read(ADA),
            """
            user create ada anchor=u-ada dn=uid=ada,ou=people,dc=ex"""),
        row("an unchanged entry plans nothing", given().read(ADA).held(stored(ADA)), ""),
        row(
            "a DN spelled differently is the same DN",
            given().read(ADA_UPPER_DN).held(stored(ADA)),
            ""),
        row(
            "a changed attribute is an update",
            given().read(ADA_NEW_MAIL).held(stored(ADA)),
            """
            user update ada fields=email"""),
        row(
            "a renamed and moved entry is an update of the same user",
            given().read(ADA_MOVED).held(stored(ADA)),
            """
            user update ada.l fields=dn,userName"""),
        row(
            "an entry that left is disabled",
            given().held(stored(ADA)),
            """
            user disable ada (left the directory)"""),
        row(
            "a user already disabled for leaving stays as it is",
            given().held(stored(ADA, false, true, false)),
            ""),
        row(
            "a user that left and returns is enabled",
            given().read(ADA).held(stored(ADA, false, true, false)),
            """
            user enable ada"""),
        row(
            "an administrator's disable is kept when the entry is there",
            given().read(ADA).held(stored(ADA, false, false, true)),
            ""),
        row(
            "an administrator's disable is kept even after leaving and returning",
            given().read(ADA).held(stored(ADA, false, true, true)),
            ""),
        row(
            "an entry disabled in the directory is disabled",
            given().read(disabled(ADA)).held(stored(ADA)),
            """
            user disable ada (disabled in the directory)"""),
        row(
            "an entry enabled again in the directory is enabled",
            given().read(ADA).held(stored(ADA, false, false, false)),
            """
            user enable ada"""),
        row(
            "policy delete deletes, and leaves the memberships to the cascade",
            given()
                .deletion(Deletion.DELETE)
                .read(group("admins"))
                .held(stored(ADA))
                .held(mirror("admins"))
                .held(membership("admins", "ada")),
            """
            user delete ada"""),
        row(
            "a userName of a local user is a conflict, skipped, with no memberships",
            given().local("Ada", "LOCAL").read(ADA).read(group("admins", dn("ada"))),
            """
            conflict userName=ada local=LOCAL resolution=skipped dn=uid=ada,ou=people,dc=ex
            group create admins anchor=g-admins"""),
        row(
            "a userName of a local user is adopted under policy adopt",
            given()
                .conflicts(Conflicts.ADOPT)
                .local("ADA", "LOCAL_NO_AUTH")
                .read(ADA)
                .read(group("admins", dn("ada"))),
            """
            conflict userName=ada local=LOCAL_NO_AUTH resolution=adopted dn=uid=ada,ou=people,dc=ex
            group create admins anchor=g-admins
            membership add group=anchor:g-admins user=#local-ADA
            user adopt ada anchor=u-ada"""),
        row(
            "a recreated entry whose name a disabled leaver keeps is a conflict",
            given().read(ADA_RECREATED).held(stored(ADA, false, true, false)),
            """
            conflict userName=ada local=LDAP:corp resolution=skipped dn=uid=ada,ou=people,dc=ex"""),
        row(
            "a recreated entry under policy delete replaces the old user",
            given().deletion(Deletion.DELETE).read(ADA_RECREATED).held(stored(ADA)),
            """
            user create ada anchor=u-ada-2 dn=uid=ada,ou=people,dc=ex
            user delete ada"""),
        row(
            "a new group is created with its members, new and existing",
            given().read(ADA, BOB).held(stored(BOB)).read(group("admins", dn("ada"), dn("bob"))),
            """
            group create admins anchor=g-admins
            membership add group=anchor:g-admins user=#bob
            membership add group=anchor:g-admins user=anchor:u-ada
            user create ada anchor=u-ada dn=uid=ada,ou=people,dc=ex"""),
        row(
            "a renamed group keeps its id",
            given()
                .read(
                    new dev.roster.sync.model.DirectoryGroup(
                        "g-admins", groupDn("administrators"), "administrators", Set.of()))
                .held(mirror("admins")),
            """
            group rename #admins to administrators"""),
        row(
            "a group gone from the directory is deleted without membership removals",
            given().read(ADA).held(stored(ADA)).held(mirror("old")).held(membership("old", "ada")),
            """
            group delete old"""),
        row(
            "groups are left alone when mirroring is off",
            given().mapping(false, false).read(group("admins")).held(mirror("old")),
            ""),
        row(
            "a local group naming a directory group gets its members",
            given()
                .mapping(false, true)
                .read(ADA, BOB)
                .held(stored(ADA), stored(BOB))
                .read(group("Admins", dn("ada"), dn("bob")))
                .held(new StoredGroup(id("dss"), null, "DSS admins", Set.of("ADMINS")))
                .held(membership("dss", "bob")),
            """
            membership add group=#dss user=#ada"""),
        row(
            "a local group loses members that left the named directory group",
            given()
                .mapping(false, true)
                .read(ADA, BOB)
                .held(stored(ADA), stored(BOB))
                .read(group("admins", dn("ada")))
                .held(new StoredGroup(id("dss"), null, "DSS admins", Set.of("admins")))
                .held(membership("dss", "ada"), membership("dss", "bob")),
            """
            membership remove group=#dss user=#bob"""),
        row(
            "nested groups in a cycle all hold the union",
            given()
                .membership(Membership.MEMBER, true)
                .read(ADA, BOB)
                .held(stored(ADA), stored(BOB))
                .read(group("a", dn("ada"), groupDn("b")), group("b", dn("bob"), groupDn("a")))
                .held(mirror("a"), mirror("b"))
                .held(membership("a", "ada")),
            """
            membership add group=#a user=#bob
            membership add group=#b user=#ada
            membership add group=#b user=#bob"""),
        row(
            "memberUid names users by userName, in any case",
            given()
                .membership(Membership.MEMBER_UID, false)
                .read(ADA)
                .held(stored(ADA))
                .read(group("admins", "ADA", "nobody"))
                .held(mirror("admins")),
            """
            membership add group=#admins user=#ada"""),
        row(
            "memberOf comes from the users",
            given()
                .membership(Membership.MEMBER_OF, false)
                .read(ADA, BOB)
                .held(stored(ADA), stored(BOB))
                .memberOf("ada", "CN=Admins,OU=Groups,DC=ex")
                .read(group("admins"))
                .held(mirror("admins"))
                .held(membership("admins", "bob")),
            """
            membership add group=#admins user=#ada
            membership remove group=#admins user=#bob"""),
        row(
            "a user that left loses its memberships; manual ones are not in the view",
            given()
                .read(BOB)
                .held(stored(ADA), stored(BOB))
                .read(group("admins"))
                .held(mirror("admins"))
                .held(membership("admins", "ada")),
            """
            membership remove group=#admins user=#ada
            user disable ada (left the directory)"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansAsRendered(String scenario, Fixtures.Case given, String expected) {
    assertThat(readable(given.plan().render())).isEqualTo(expected);
  }

  @Test
  void aRenamedEntryIsUpdatedUnderItsId() {
    SyncPlan plan = given().read(ADA_MOVED).held(stored(ADA)).plan();

    assertThat(plan.users())
        .containsExactly(new UserChange.Update(id("ada"), ADA_MOVED, List.of("dn", "userName")));
  }

  @Test
  void aRenameOntoANameAnotherUserKeepsIsAConflict() {
    DirectoryUser bobAsAda =
        new DirectoryUser(
            "u-bob", dn("bob"), "ADA", "Bob", "Example", "Bob Example", "bob@ex", true);

    SyncPlan plan = given().read(ADA, bobAsAda).held(stored(ADA), stored(BOB)).plan();

    assertThat(plan.render())
        .isEqualTo("conflict userName=ADA local=LDAP:corp resolution=skipped dn=" + dn("bob"));
  }

  @Test
  void theSameInputsGiveTheSamePlanInTheSameOrder() {
    Fixtures.Case given =
        given().read(ADA, BOB).read(group("a", dn("ada"), dn("bob")), group("b", dn("bob")));

    assertThat(given.plan()).isEqualTo(given.plan());
    assertThat(given.plan().users().get(0)).isInstanceOf(UserChange.Create.class);
  }

  private static Arguments row(String scenario, Fixtures.Case given, String expected) {
    return Arguments.of(scenario, given, expected);
  }
}
