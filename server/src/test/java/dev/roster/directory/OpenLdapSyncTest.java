package dev.roster.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import dev.roster.config.LdapConfig;
import dev.roster.config.LdapSourceConfig;
import dev.roster.sync.testing.Slapd;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synchronizer against a real OpenLDAP slapd (Debian's package; skipped where it is absent): a
 * generated directory of 10,000 users and about 100 groups (nested ones, a cycle, one of 2,500
 * members) synced and compared entry by entry over SCIM, then faults that must change nothing: a
 * bind account stopped by slapd's size limit, a wrong base DN, and slapd killed mid-read.
 *
 * <p>One H2 database for the class: the baseline is synced once; each fault starts a server on the
 * same data with a broken configuration of the same source, after the directory was changed so that
 * any applied run would show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenLdapSyncTest {
  private static final Logger LOG = LoggerFactory.getLogger(OpenLdapSyncTest.class);
  private static final String SOURCE = "corp";
  private static final String PEOPLE = "ou=people," + Slapd.SUFFIX;
  private static final String CONTRACTORS = "ou=contractors," + PEOPLE;
  private static final String GROUPS = "ou=groups," + Slapd.SUFFIX;
  private static final int USERS = 10_000;
  private static final int BIG_GROUP = 2_500;

  private static Slapd slapd;
  private static Directory model;
  private static Path work;
  private static String dataDir;
  private static JsonNode baselineRun;
  private static JsonNode secondRun;
  private static Snapshot afterFirstRun;
  private static Snapshot baseline;

  @BeforeAll
  static void syncTheBaseline() throws Exception {
    Slapd.assumeInstalled();
    model = Directory.generate(new Random(4533));
    long t0 = System.nanoTime();
    slapd = Slapd.start(model.ldif());
    LOG.info("slapd loaded and started in {} ms", millisSince(t0));
    work = Files.createTempDirectory("roster-openldap-test-");
    dataDir = work.resolve("data").toString();

    long t1 = System.nanoTime();
    try (TestServer server = server(source(Slapd.READER_DN, Slapd.READER_PASSWORD, b -> b))) {
      baselineRun = awaitNewRun(server, Set.of());
      LOG.info("startup full run of {} users in {} ms", USERS, millisSince(t1));
      long t2 = System.nanoTime();
      afterFirstRun = Snapshot.read(server);
      LOG.info("read back over SCIM in {} ms", millisSince(t2));
      long t3 = System.nanoTime();
      secondRun = admin(server).post("/sync/" + SOURCE + "/run?mode=full", null).json();
      LOG.info("second full run in {} ms", millisSince(t3));
      baseline = Snapshot.read(server);
    }

    // From here on any run that applied anything would show: one entry changed, one added, one
    // deleted.
    try (LDAPConnection ldap =
        new LDAPConnection("127.0.0.1", slapd.port(), Slapd.ROOT_DN, Slapd.ROOT_PASSWORD)) {
      User first = model.users.get(1);
      ldap.modify(
          first.dn(), new Modification(ModificationType.REPLACE, "displayName", "Renamed Later"));
      ldap.add(
          "dn: uid=late.arrival," + PEOPLE,
          "objectClass: inetOrgPerson",
          "uid: late.arrival",
          "cn: Late Arrival",
          "sn: Arrival",
          "givenName: Late",
          "displayName: Late Arrival",
          "mail: late.arrival@example.test");
      ldap.delete(model.users.get(USERS - 1).dn());
    }
  }

  @AfterAll
  static void stop() throws IOException {
    if (slapd != null) {
      slapd.close();
    }
    if (work != null) {
      try (var paths = Files.walk(work)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void tenThousandUsersAndTheirGroupsArriveEntryByEntry() {
    assertThat(baselineRun.get("status").asText())
        .as(baselineRun.toString())
        .isEqualTo("succeeded");
    assertThat(baselineRun.at("/counts/usersCreated").asInt()).isEqualTo(USERS);
    assertThat(baselineRun.at("/counts/groupsCreated").asInt()).isEqualTo(model.groups.size());
    assertThat(baselineRun.at("/counts/conflicts").asInt()).isZero();

    assertThat(afterFirstRun.users).hasSize(USERS);
    for (User expected : model.users) {
      JsonNode actual = afterFirstRun.users.get(expected.uid);
      assertThat(actual).as("user %s over SCIM", expected.uid).isNotNull();
      String what = "user " + expected.uid;
      assertThat(actual.at("/name/givenName").asText()).as(what).isEqualTo(expected.givenName);
      assertThat(actual.at("/name/familyName").asText()).as(what).isEqualTo(expected.sn);
      assertThat(actual.path("displayName").asText()).as(what).isEqualTo(expected.displayName());
      if (expected.mail() == null) {
        assertThat(actual.path("emails").size()).as(what + " has no mail").isZero();
      } else {
        assertThat(actual.path("emails").size()).as(what).isEqualTo(1);
        assertThat(actual.at("/emails/0/value").asText()).as(what).isEqualTo(expected.mail());
      }
      assertThat(actual.path("active").asBoolean()).as(what + " active").isEqualTo(expected.active);
    }

    Map<String, String> userNameById = new HashMap<>();
    afterFirstRun
        .users
        .values()
        .forEach(u -> userNameById.put(u.get("id").asText(), u.get("userName").asText()));
    Map<String, Set<String>> expectedGroups = model.transitiveMembers();
    assertThat(afterFirstRun.groups.keySet()).isEqualTo(expectedGroups.keySet());
    for (Map.Entry<String, Set<String>> group : expectedGroups.entrySet()) {
      Set<String> actual = new TreeSet<>();
      for (JsonNode member : afterFirstRun.groups.get(group.getKey()).path("members")) {
        assertThat(member.path("type").asText())
            .as("member of %s", group.getKey())
            .isEqualTo("User");
        actual.add(userNameById.get(member.get("value").asText()));
      }
      assertThat(actual).as("members of %s", group.getKey()).isEqualTo(group.getValue());
    }
    assertThat(expectedGroups.get("all-staff")).hasSize(BIG_GROUP);

    assertThat(secondRun.get("status").asText()).isEqualTo("succeeded");
    secondRun
        .get("counts")
        .forEach(count -> assertThat(count.asInt()).as("second run: %s", secondRun).isZero());
    assertThat(afterFirstRun.differences(baseline)).as("written by the second run").isEmpty();
  }

  @Test
  @Order(2)
  void anAccountCappedAtFiveHundredEntriesFailsTheRunAndChangesNothing() throws Exception {
    try (TestServer server = server(source(Slapd.CAPPED_DN, Slapd.CAPPED_PASSWORD, b -> b))) {
      JsonNode startup = awaitNewRun(server, baselineRunIds());
      JsonNode triggered =
          admin(server).post("/sync/" + SOURCE + "/run?mode=full", null).expectStatus(200).json();
      for (JsonNode run : List.of(startup, triggered)) {
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("sizeLimitExceeded");
      }
      assertUnchanged(server);
    }
  }

  @Test
  @Order(3)
  void aWrongBaseDnFailsTheRunAndChangesNothing() throws Exception {
    UnaryOperator<LdapSourceConfig.Users> wrongBase =
        u ->
            new LdapSourceConfig.Users(
                "ou=peeple," + Slapd.SUFFIX,
                u.scope(),
                u.filter(),
                u.userName(),
                u.anchor(),
                u.givenName(),
                u.familyName(),
                u.displayName(),
                u.email(),
                u.disabledAttribute(),
                u.disabledValue(),
                u.defaultProfile());
    try (TestServer server = server(source(Slapd.READER_DN, Slapd.READER_PASSWORD, wrongBase))) {
      JsonNode startup = awaitNewRun(server, baselineRunIds());
      JsonNode triggered =
          admin(server).post("/sync/" + SOURCE + "/run?mode=full", null).expectStatus(200).json();
      for (JsonNode run : List.of(startup, triggered)) {
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("noSuchObject");
      }
      assertUnchanged(server);
    }
  }

  @Test
  @Order(4)
  void slapdKilledWhileARunReadsFailsTheRunAndChangesNothing() throws Exception {
    // Page size 10: the groups (read first) take ten pages, the users a thousand. slapd's stats log
    // shows each page sent; the kill comes once a few user pages have gone out, with hundreds still
    // to come.
    LdapSourceConfig slow =
        withPageSize(source(Slapd.READER_DN, Slapd.READER_PASSWORD, u -> u), 10);
    String page = "nentries=10 ";
    long pagesBefore = slapd.logLines(page);
    try (TestServer server = server(slow)) {
      assertThat(slapd.awaitLogLines(page, pagesBefore + 15, 60_000))
          .as("the start-up run reads pages of 10")
          .isTrue();
      slapd.kill();
      long pagesSent = slapd.logLines(page) - pagesBefore;
      LOG.info("slapd killed after {} pages of 10 users", pagesSent);
      assertThat(pagesSent).as("killed mid-read").isLessThan(USERS / 10 / 2);
      JsonNode run = awaitNewRun(server, baselineRunIds());
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("failed");
      assertThat(run.get("error").asText()).contains("users search under", "serverDown");
      assertUnchanged(server);
    } finally {
      if (!slapd.isRunning()) {
        slapd.restart();
      }
    }
  }

  @Test
  @Order(5)
  void afterTheFaultsAGoodRunAppliesWhatChangedSinceTheBaseline() throws Exception {
    // The control for the faults above: what they did not apply was there to apply, and slapd
    // came back from SIGKILL with its data.
    try (TestServer server = server(source(Slapd.READER_DN, Slapd.READER_PASSWORD, u -> u))) {
      JsonNode run = awaitNewRun(server, baselineRunIds());
      assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(run.at("/counts/usersCreated").asInt()).isEqualTo(1);
      assertThat(run.at("/counts/usersUpdated").asInt()).isEqualTo(1);
      assertThat(run.at("/counts/usersDisabled").asInt()).isEqualTo(1);
      Snapshot now = Snapshot.read(server);
      assertThat(now.users.get(model.users.get(1).uid()).get("displayName").asText())
          .isEqualTo("Renamed Later");
      assertThat(now.users.get("late.arrival").get("active").asBoolean()).isTrue();
      assertThat(now.users.get(model.users.get(USERS - 1).uid()).get("active").asBoolean())
          .isFalse();
    }
  }

  // --- servers and runs ---

  private static TestServer server(LdapSourceConfig source) {
    serverStarted = java.time.Instant.now().minusMillis(5);
    return TestServer.start(
        Db.H2, c -> c.withDataDir(dataDir).withLdap(new LdapConfig(List.of(source))));
  }

  private static ScimClient admin(TestServer server) {
    return new ScimClient(server.baseUrl() + "/admin", TestServer.BOOTSTRAP_TOKEN);
  }

  private static LdapSourceConfig source(
      String bindDn, String password, UnaryOperator<LdapSourceConfig.Users> users) {
    Path passwordFile = work.resolve(bindDn.replaceAll("[^a-z]", "") + ".password");
    try {
      Files.writeString(passwordFile, password, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new LdapSourceConfig(
        SOURCE,
        List.of(slapd.url()),
        bindDn,
        null,
        passwordFile.toString(),
        "none",
        null,
        5_000,
        30_000,
        500,
        users.apply(
            new LdapSourceConfig.Users(
                PEOPLE,
                "sub",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "employeeType",
                "disabled",
                null)),
        new LdapSourceConfig.Groups(GROUPS, null, null, null, "member", true),
        new LdapSourceConfig.Mapping(true, true),
        // No safety limit would stop a partial read that looked complete: only failing does.
        new LdapSourceConfig.Policy("disable", 1_000_000, 100, "skip", 3600, 3600));
  }

  private static LdapSourceConfig withPageSize(LdapSourceConfig c, int pageSize) {
    return new LdapSourceConfig(
        c.name(),
        c.urls(),
        c.bindDn(),
        c.bindPasswordEnv(),
        c.bindPasswordFile(),
        c.tls(),
        c.trustStore(),
        c.connectTimeoutMillis(),
        c.responseTimeoutMillis(),
        pageSize,
        c.users(),
        c.groups(),
        c.mapping(),
        c.policy());
  }

  private static Set<String> baselineRunIds() {
    return Set.of(baselineRun.get("id").asText(), secondRun.get("id").asText());
  }

  /** The newest run not in {@code known}, once it has finished (the start-up run of a server). */
  /** When the current test's server started: its start-up run is the first to start after. */
  private static java.time.Instant serverStarted = java.time.Instant.EPOCH;

  private static JsonNode awaitNewRun(TestServer server, Set<String> known)
      throws InterruptedException {
    ScimClient admin = admin(server);
    long deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      JsonNode runs = admin.get("/sync/runs").expectStatus(200).json().get("runs");
      if (runs.size() > 0
          && !known.contains(runs.get(0).get("id").asText())
          && !java.time.Instant.parse(runs.get(0).get("started").asText()).isBefore(serverStarted)
          && !runs.get(0).get("status").asText().equals("running")) {
        return runs.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no new sync run finished within 90 s");
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  // --- what Roster holds, read over SCIM ---

  /**
   * Every user (by userName) and group (by displayName) as SCIM returns them, meta.version
   * included, without the server's URLs (each server has its own port): equal snapshots mean
   * nothing was written.
   */
  private record Snapshot(Map<String, JsonNode> users, Map<String, JsonNode> groups) {
    static Snapshot read(TestServer server) {
      ScimClient scim = server.client();
      Map<String, JsonNode> users = new TreeMap<>();
      for (int start = 1; ; start += 1000) {
        JsonNode page =
            scim.get("/Users?sortBy=userName&count=1000&startIndex=" + start)
                .expectStatus(200)
                .json();
        page.path("Resources").forEach(u -> users.put(u.get("userName").asText(), withoutUrls(u)));
        if (start + 1000 > page.get("totalResults").asInt()) {
          assertThat(users).as("users over SCIM").hasSize(page.get("totalResults").asInt());
          break;
        }
      }
      Map<String, JsonNode> groups = new TreeMap<>();
      JsonNode page = scim.get("/Groups?count=1000").expectStatus(200).json();
      assertThat(page.get("totalResults").asInt()).isLessThan(1000);
      page.path("Resources")
          .forEach(g -> groups.put(g.get("displayName").asText(), withoutUrls(g)));
      return new Snapshot(users, groups);
    }

    /** The users and groups that differ from {@code other}, the first few of them. */
    List<String> differences(Snapshot other) {
      List<String> differences = new ArrayList<>();
      differ("user", users, other.users, differences);
      differ("group", groups, other.groups, differences);
      return differences;
    }

    private static void differ(
        String kind, Map<String, JsonNode> a, Map<String, JsonNode> b, List<String> out) {
      Set<String> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (String key : keys) {
        if (!java.util.Objects.equals(a.get(key), b.get(key)) && out.size() < 10) {
          out.add(kind + " " + key + ": " + a.get(key) + " -> " + b.get(key));
        }
      }
    }

    private static JsonNode withoutUrls(JsonNode node) {
      if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
        object.remove("$ref");
        object.remove("location");
        object.forEach(OpenLdapSyncTest.Snapshot::withoutUrls);
      } else if (node.isArray()) {
        node.forEach(OpenLdapSyncTest.Snapshot::withoutUrls);
      }
      return node;
    }
  }

  private static void assertUnchanged(TestServer server) {
    assertThat(baseline.differences(Snapshot.read(server)))
        .as("changed since the baseline")
        .isEmpty();
  }

  // --- the generated directory ---

  private record User(
      int index,
      String uid,
      String parent,
      String givenName,
      String sn,
      String mail,
      boolean active) {
    String dn() {
      return "uid=" + uid + "," + parent;
    }

    String displayName() {
      return givenName + " " + sn;
    }
  }

  /** A group's members as DNs written in the entry (users and groups, any case). */
  private record Group(String name, List<String> memberDns) {
    String dn() {
      return "cn=" + name + "," + GROUPS;
    }
  }

  private record Directory(List<User> users, List<Group> groups) {
    private static final List<String> GIVEN =
        List.of(
            "Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Zoë", "José",
            "Łukasz", "Søren", "Chloé", "Dmitri", "Aoife", "Nuño");
    private static final List<String> FAMILY =
        List.of(
            "Lovelace",
            "Turing",
            "Hopper",
            "Dijkstra",
            "Liskov",
            "Knuth",
            "Allen",
            "Thompson",
            "Müller",
            "O'Brien",
            "Nakamura",
            "Ågren",
            "Dvořák",
            "Smith-Jones",
            "van Dijk");

    static Directory generate(Random random) {
      List<User> users = new ArrayList<>(USERS);
      for (int i = 0; i < USERS; i++) {
        users.add(
            new User(
                i,
                (i % 7 == 0 ? "u." : "user") + String.format(Locale.ROOT, "%05d", i),
                i % 10 == 3 ? CONTRACTORS : PEOPLE,
                GIVEN.get(random.nextInt(GIVEN.size())),
                FAMILY.get(random.nextInt(FAMILY.size())),
                i % 500 == 11 ? null : "user" + i + "@example.test",
                i % 250 != 7));
      }
      List<Group> groups = new ArrayList<>();
      groups.add(new Group("all-staff", userDns(users, sample(random, USERS, BIG_GROUP))));
      for (int t = 0; t < 90; t++) {
        List<String> members = userDns(users, sample(random, USERS, 5 + random.nextInt(146)));
        if (t == 1) {
          // DNs as a person might type them: another case, spaces after commas.
          members.replaceAll(dn -> dn.toUpperCase(Locale.ROOT).replace(",", ", "));
        }
        if (t == 2) {
          // A member that is not there (no referential integrity): not a user of the group.
          members.add("uid=ghost," + PEOPLE);
        }
        groups.add(new Group(String.format(Locale.ROOT, "team-%02d", t), members));
      }
      groups.add(new Group("dept-a", withGroups(userDns(users, List.of(5, 6, 7)), 0, 5)));
      groups.add(new Group("dept-b", withGroups(new ArrayList<>(), 5, 10)));
      List<String> division = userDns(users, List.of(42));
      division.add("cn=dept-a," + GROUPS);
      division.add("cn=dept-b," + GROUPS);
      groups.add(new Group("division", division));
      List<String> ringOne = userDns(users, List.of(100, 101));
      ringOne.add("cn=ring-two," + GROUPS);
      List<String> ringTwo = userDns(users, List.of(200, 201, 100));
      ringTwo.add("cn=ring-one," + GROUPS);
      groups.add(new Group("ring-one", ringOne));
      groups.add(new Group("ring-two", ringTwo));
      return new Directory(users, groups);
    }

    private static List<String> withGroups(List<String> members, int fromTeam, int toTeam) {
      for (int t = fromTeam; t < toTeam; t++) {
        members.add(String.format(Locale.ROOT, "cn=team-%02d,%s", t, GROUPS));
      }
      return members;
    }

    private static List<Integer> sample(Random random, int bound, int count) {
      Set<Integer> picked = new java.util.LinkedHashSet<>();
      while (picked.size() < count) {
        picked.add(random.nextInt(bound));
      }
      return new ArrayList<>(picked);
    }

    private static List<String> userDns(List<User> users, List<Integer> indexes) {
      List<String> dns = new ArrayList<>();
      indexes.forEach(i -> dns.add(users.get(i).dn()));
      return dns;
    }

    /** Group name → the userNames of its members, through nested groups (cycle-safe). */
    Map<String, Set<String>> transitiveMembers() {
      Map<String, String> userByDn = new HashMap<>();
      users.forEach(u -> userByDn.put(normalize(u.dn()), u.uid()));
      Map<String, Group> groupByDn = new HashMap<>();
      groups.forEach(g -> groupByDn.put(normalize(g.dn()), g));
      Map<String, Set<String>> result = new LinkedHashMap<>();
      for (Group group : groups) {
        Set<String> members = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<Group> todo = new ArrayDeque<>(List.of(group));
        while (!todo.isEmpty()) {
          Group next = todo.pop();
          if (!seen.add(next.name())) {
            continue;
          }
          for (String dn : next.memberDns()) {
            String key = normalize(dn);
            if (userByDn.containsKey(key)) {
              members.add(userByDn.get(key));
            } else if (groupByDn.containsKey(key)) {
              todo.push(groupByDn.get(key));
            }
          }
        }
        result.put(group.name(), members);
      }
      return result;
    }

    private static String normalize(String dn) {
      return dn.toLowerCase(Locale.ROOT).replace(", ", ",");
    }

    String ldif() {
      StringBuilder out = new StringBuilder();
      entry(out, PEOPLE, "objectClass", "organizationalUnit", "ou", "people");
      entry(out, CONTRACTORS, "objectClass", "organizationalUnit", "ou", "contractors");
      entry(out, GROUPS, "objectClass", "organizationalUnit", "ou", "groups");
      for (User u : users) {
        List<String> attributes =
            new ArrayList<>(
                List.of(
                    "objectClass", "inetOrgPerson",
                    "uid", u.uid(),
                    "cn", u.displayName(),
                    "givenName", u.givenName(),
                    "sn", u.sn(),
                    "displayName", u.displayName()));
        if (u.mail() != null) {
          attributes.addAll(List.of("mail", u.mail()));
        }
        if (!u.active()) {
          attributes.addAll(List.of("employeeType", "disabled"));
        }
        entry(out, u.dn(), attributes.toArray(String[]::new));
      }
      for (Group g : groups) {
        List<String> attributes =
            new ArrayList<>(List.of("objectClass", "groupOfNames", "cn", g.name()));
        g.memberDns().forEach(dn -> attributes.addAll(List.of("member", dn)));
        entry(out, g.dn(), attributes.toArray(String[]::new));
      }
      return out.toString();
    }

    /** One LDIF entry; values that are not plain ASCII go base64 (RFC 2849). */
    private static void entry(StringBuilder out, String dn, String... pairs) {
      out.append(line("dn", dn));
      for (int i = 0; i < pairs.length; i += 2) {
        out.append(line(pairs[i], pairs[i + 1]));
      }
      out.append('\n');
    }

    private static String line(String attribute, String value) {
      boolean safe =
          value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
              && !value.startsWith(" ")
              && !value.startsWith(":")
              && !value.startsWith("<")
              && !value.endsWith(" ");
      return safe
          ? attribute + ": " + value + "\n"
          : attribute
              + ":: "
              + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
              + "\n";
    }
  }
}
