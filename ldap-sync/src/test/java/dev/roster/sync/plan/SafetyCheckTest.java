package dev.roster.sync.plan;

import static dev.roster.sync.plan.Fixtures.given;
import static dev.roster.sync.plan.Fixtures.group;
import static dev.roster.sync.plan.Fixtures.membership;
import static dev.roster.sync.plan.Fixtures.mirror;
import static dev.roster.sync.plan.Fixtures.stored;
import static dev.roster.sync.plan.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.sync.config.PolicySettings.Deletion;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.port.StoredGroup;
import dev.roster.sync.port.StoredMembership;
import dev.roster.sync.port.StoredUser;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each row is a scenario planned for real, then checked: the reasons, one a line. */
class SafetyCheckTest {

  static Stream<Arguments> verdicts() {
    return Stream.of(
        row("a plan within every limit passes", given().read(users(0, 10)).held(held(0, 10)), ""),
        row(
            "users that read empty where the source held some are not gone",
            given().held(held(0, 3)),
            "users: the directory returned no users but the source held 3;"
                + " a scope that held entries and now reads empty is not taken as gone"),
        row(
            "a scope that emptied before (all left already) does not block again",
            given().held(leavers(0, 3)),
            ""),
        row(
            "disables at the count limit pass",
            given().limits(2, -1).read(users(0, 8)).held(held(0, 10)),
            ""),
        row(
            "disables over the count limit block",
            given().limits(2, -1).read(users(0, 7)).held(held(0, 10)),
            "users: 3 disables and deletes exceed maxDeletes=2"),
        row(
            "deletes count like disables",
            given().deletion(Deletion.DELETE).limits(2, -1).read(users(0, 7)).held(held(0, 10)),
            "users: 3 disables and deletes exceed maxDeletes=2"),
        row(
            "a share over the percent limit blocks, rounded up",
            given().limits(-1, 20).read(users(0, 3)).held(held(0, 4)),
            "users: 1 disables and deletes of 4 held (25%) exceed maxDeletePercent=20"),
        row(
            "a share at the percent limit passes",
            given().limits(-1, 25).read(users(0, 3)).held(held(0, 4)),
            ""),
        row(
            "both limits are reported",
            given().limits(0, 0).read(users(0, 3)).held(held(0, 4)),
            """
            users: 1 disables and deletes exceed maxDeletes=0
            users: 1 disables and deletes of 4 held (25%) exceed maxDeletePercent=0"""),
        row(
            "group deletes are limited on their own",
            given()
                .limits(1, -1)
                .read(users(0, 1))
                .held(held(0, 1))
                .read(group("g0"))
                .held(mirror("g0"), mirror("g1"), mirror("g2")),
            "groups: 2 deletes exceed maxDeletes=1"),
        row(
            "groups that read empty where mirror groups were held are not gone",
            given().read(users(0, 1)).held(held(0, 1)).held(mirror("g0")),
            "groups: the directory returned no groups but the source held 1;"
                + " a scope that held entries and now reads empty is not taken as gone"),
        row(
            "membership removals are limited on their own, by percent",
            given()
                .limits(-1, 50)
                .read(users(0, 2))
                .held(held(0, 2))
                .read(group("g0"))
                .held(mirror("g0"))
                .held(membership("g0", "u0"), membership("g0", "u1")),
            "memberships: 2 removals of 2 held (100%) exceed maxDeletePercent=50"),
        row(
            "memberships that lose every group are not gone",
            given()
                .mapping(false, true)
                .read(users(0, 1))
                .held(held(0, 1))
                .held(new StoredGroup(Fixtures.id("dss"), null, "DSS", java.util.Set.of("g0")))
                .held(new StoredMembership(Fixtures.id("dss"), Fixtures.id("u0"))),
            "memberships: the directory returned no groups but the source held 1;"
                + " a scope that held entries and now reads empty is not taken as gone"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void checks(String scenario, Fixtures.Case given, String reasons) {
    SafetyVerdict verdict = new SafetyCheck().check(given.planned().safety(), given.policy());

    assertThat(String.join("\n", verdict.reasons())).isEqualTo(reasons);
    assertThat(verdict.blocked()).isEqualTo(!reasons.isEmpty());
  }

  private static DirectoryUser[] users(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> user("u" + i)).toArray(DirectoryUser[]::new);
  }

  private static StoredUser[] held(int from, int to) {
    return Stream.of(users(from, to)).map(Fixtures::stored).toArray(StoredUser[]::new);
  }

  private static StoredUser[] leavers(int from, int to) {
    return Stream.of(users(from, to))
        .map(u -> stored(u, false, true, false))
        .toArray(StoredUser[]::new);
  }

  private static Arguments row(String scenario, Fixtures.Case given, String reasons) {
    return Arguments.of(scenario, given, reasons);
  }
}
