package dev.roster.sync.read;

import static dev.roster.sync.testing.TestSources.groups;
import static dev.roster.sync.testing.TestSources.inetOrgPeople;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.sync.config.GroupSettings.Membership;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryContent;
import dev.roster.sync.model.DirectoryGroup;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.testing.TestDirectory;
import dev.roster.sync.testing.TestSources;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Active Directory's ways of handing out less than was asked for — {@code member} in ranges of
 * 1,500 values, pages capped at MaxPageSize — imitated by the in-memory server's interceptor.
 */
class ActiveDirectoryPagingTest {
  private static final String PEOPLE = "ou=people,dc=example,dc=org";
  private static final String GROUPS = "ou=groups,dc=example,dc=org";

  private final DirectoryReader reader = new DirectoryReader();

  static Stream<Arguments> groupSizes() {
    return Stream.of(
        arguments(1_500, 0), // fits one read: no range at all
        arguments(1_501, 1), // 0-1499, then 1500-*
        arguments(3_200, 2)); // 0-1499, 1500-2999, 3000-*
  }

  @ParameterizedTest(name = "{0} members: {1} range reads")
  @MethodSource("groupSizes")
  void readsEveryMemberOfAGroupReturnedInRanges(int members, int rangeReads) throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      List<String> people = directory.addPeople(PEOPLE, members);
      directory.addGroup(GROUPS, "everyone", people);
      directory.quirks().rangeRetrieval(1_500);

      DirectoryContent content =
          reader.read(
              TestSources.source(
                  directory.connection(500),
                  alice(),
                  groups(GROUPS, "(objectClass=groupOfNames)", Membership.MEMBER)));

      DirectoryGroup everyone = group(content, "everyone");
      assertThat(everyone.memberValues())
          .hasSize(members)
          .containsAll(people.stream().map(DirectoryNames::normalize).toList());
      assertThat(group(content, "developers").memberValues()).hasSize(2);
      assertThat(directory.quirks().rangeReads()).isEqualTo(rangeReads);
    }
  }

  @Test
  void followsTheCookieWhenTheServerCapsThePageSize() throws Exception {
    try (TestDirectory directory = TestDirectory.from("openldap-style.ldif").start()) {
      directory.addPeople(PEOPLE, 9);
      directory.quirks().maxPageSize(2);

      DirectoryContent content =
          reader.read(
              TestSources.source(
                  directory.connection(1_000), inetOrgPeople(PEOPLE), TestSources.noGroups()));

      assertThat(content.users()).hasSize(3 + 9);
      assertThat(content.skippedEntries()).isEqualTo(1);
      assertThat(directory.quirks().pagesServed()).isEqualTo(7); // 13 entries, 2 a page
    }
  }

  private static UserSettings alice() {
    UserSettings all = inetOrgPeople(PEOPLE);
    return new UserSettings(
        all.baseDn(),
        all.scope(),
        "(uid=alice)",
        all.userNameAttribute(),
        all.anchorAttribute(),
        all.givenNameAttribute(),
        all.familyNameAttribute(),
        all.displayNameAttribute(),
        all.emailAttribute(),
        all.disabledAttribute(),
        all.disabledValue(),
        all.defaultProfile());
  }

  private static DirectoryGroup group(DirectoryContent content, String name) {
    return content.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
  }
}
