package dev.roster.sync.plan;

import static dev.roster.sync.plan.Fixtures.dn;
import static dev.roster.sync.plan.Fixtures.group;
import static dev.roster.sync.plan.Fixtures.groupDn;
import static dev.roster.sync.plan.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GroupGraphTest {
  private static final Map<String, Set<String>> NO_MEMBER_OF = Map.of();

  static Stream<Arguments> graphs() {
    return Stream.of(
        row(
            "member DNs name users; a DN outside the users' scope is ignored",
            Membership.MEMBER,
            false,
            groups(group("admins", dn("ada"), "uid=stranger,ou=elsewhere,dc=ex")),
            "admins: ada"),
        row(
            "uniqueMember DNs match in any spelling, with or without a unique id",
            Membership.UNIQUE_MEMBER,
            false,
            groups(group("admins", "UID=Ada, OU=People, DC=ex", dn("bob") + "#'0101'B")),
            "admins: ada, bob"),
        row(
            "without nesting a member group adds nothing",
            Membership.MEMBER,
            false,
            groups(group("all", dn("ada"), groupDn("team")), group("team", dn("bob"))),
            """
            all: ada
            team: bob"""),
        row(
            "with nesting a chain resolves transitively",
            Membership.MEMBER,
            true,
            groups(
                group("all", groupDn("dept")),
                group("dept", dn("ada"), groupDn("team")),
                group("team", dn("bob"))),
            """
            all: ada, bob
            dept: ada, bob
            team: bob"""),
        row(
            "a cycle terminates and every group in it holds the union",
            Membership.MEMBER,
            true,
            groups(
                group("a", dn("ada"), groupDn("b")),
                group("b", dn("bob"), groupDn("a")),
                group("outer", dn("cy"), groupDn("a")),
                group("inner", dn("dee"))),
            """
            a: ada, bob
            b: ada, bob
            inner: dee
            outer: ada, bob, cy"""),
        row(
            "a group that holds itself holds its users once",
            Membership.MEMBER,
            true,
            groups(group("self", dn("ada"), groupDn("self"))),
            "self: ada"),
        row(
            "memberUid names users by userName, in any case; unknown names are ignored",
            Membership.MEMBER_UID,
            false,
            groups(group("posix", "ADA", "bob", "nobody")),
            "posix: ada, bob"),
        row(
            "memberUid groups nest through group DNs among their values",
            Membership.MEMBER_UID,
            true,
            groups(group("outer", "ada", groupDn("inner")), group("inner", "bob")),
            """
            inner: bob
            outer: ada, bob"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void resolves(
      String scenario, Membership membership, boolean nested, DirectoryContent read, String table) {
    assertThat(GroupGraph.resolve(read, membership, nested).render()).isEqualTo(table);
  }

  @Test
  void memberOfIsReadFromTheUsersAndNestsThroughGroupDns() {
    DirectoryContent read =
        new DirectoryContent(
            List.of(user("ada"), user("bob")),
            List.of(group("all", groupDn("admins")), group("admins")),
            Map.of(
                "u-ada", Set.of("CN=Admins,OU=Groups,DC=ex"),
                "u-bob", Set.of("cn=unknown,dc=ex"),
                "u-gone", Set.of(groupDn("admins"))));

    String table = GroupGraph.resolve(read, Membership.MEMBER_OF, true).render();

    assertThat(table).isEqualTo("admins: ada\nall: ada");
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    List<DirectoryGroup> chain = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      chain.add(group("g" + i, groupDn("g" + (i + 1))));
    }
    chain.add(group("g20000", dn("ada")));
    DirectoryContent read = new DirectoryContent(List.of(user("ada")), chain, NO_MEMBER_OF);

    GroupGraph graph = GroupGraph.resolve(read, Membership.MEMBER, true);

    assertThat(graph.usersOf("g-g0")).containsExactly("u-ada");
  }

  private static DirectoryContent groups(DirectoryGroup... groups) {
    return new DirectoryContent(
        List.of(user("ada"), user("bob"), user("cy"), user("dee")), List.of(groups), NO_MEMBER_OF);
  }

  private static Arguments row(
      String scenario, Membership membership, boolean nested, DirectoryContent read, String table) {
    return Arguments.of(scenario, membership, nested, read, table);
  }
}
