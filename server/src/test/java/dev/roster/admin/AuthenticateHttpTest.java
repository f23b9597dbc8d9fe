package dev.roster.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import dev.roster.config.LdapConfig;
import dev.roster.config.LdapSourceConfig;
import dev.roster.testing.Db;
import dev.roster.testing.DemoLdap;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/authenticate} end to end: the real server on H2 and PostgreSQL, an UnboundID
 * in-memory directory loaded with the demo LDIF as the source {@code demo}, raw JSON over HTTP. No
 * password ever shows in a response or in the log.
 */
@ParameterizedClass
@EnumSource(Db.class)
class AuthenticateHttpTest {
  private static final String BASE = DemoLdap.BASE;
  private static final String DEMO_PASSWORD = DemoLdap.PASSWORD;
  private static final String LOCAL_PASSWORD = "Local-Secret-4711";
  private static final String WRONG_PASSWORD = "Wrong-Guess-0815";

  private final Db db;
  private final List<String> passwordsSent = new ArrayList<>();
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final Logger roster = (Logger) LoggerFactory.getLogger("dev.roster");
  private Level rosterLevel;
  private DemoLdap ldap;
  private InMemoryDirectoryServer directory;
  private TestServer server;
  private ScimClient scim;
  private ScimClient admin;

  AuthenticateHttpTest(Db db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    rosterLevel = roster.getLevel();
    roster.setLevel(Level.DEBUG);
    log.start();
    root.addAppender(log);
    ldap = DemoLdap.start();
    directory = ldap.server();
    server =
        TestServer.start(
            db,
            c ->
                c.withLdap(
                    new LdapConfig(
                        List.of(
                            ldap.source(
                                new LdapSourceConfig.Policy(
                                    "disable", 100, 100, "skip", 3600, 3600),
                                null)))));
    scim = server.client();
    admin = new ScimClient(server.baseUrl() + "/admin", TestServer.BOOTSTRAP_TOKEN);
    DemoLdap.awaitStartupRun(admin);
  }

  @AfterEach
  void stop() {
    try {
      server.close();
      ldap.close();
    } finally {
      root.detachAppender(log);
      roster.setLevel(rosterLevel);
    }
    for (ILoggingEvent event : log.list) {
      String line =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      for (String password : passwordsSent) {
        assertThat(line).as("a log line").doesNotContain(password);
      }
    }
  }

  /** Posts a sign-in and checks that the password does not come back in the body. */
  private Reply authenticate(String userName, String password) {
    if (!password.isEmpty()) {
      passwordsSent.add(password);
    }
    var body = JsonNodeFactory.instance.objectNode();
    body.put("userName", userName);
    body.put("password", password);
    Reply reply = admin.post("/authenticate", body.toString(), "application/json");
    passwordsSent.forEach(sent -> assertThat(reply.body()).as("response").doesNotContain(sent));
    return reply;
  }

  private void createUser(String json) {
    scim.createUser(json);
  }

  private JsonNode user(String userName) {
    JsonNode list =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"" + userName + "\"")).json();
    return list.get("totalResults").asInt() == 0 ? null : list.get("Resources").get(0);
  }

  @Test
  void aLocalUserSignsInWithTheRightPasswordOnly() {
    createUser("{\"userName\":\"lovelace\",\"password\":\"" + LOCAL_PASSWORD + "\"}");
    JsonNode ok = authenticate("LOVELACE", LOCAL_PASSWORD).expectStatus(200).json();
    assertThat(ok.get("authenticated").asBoolean()).isTrue();
    assertThat(ok.get("userName").asText()).isEqualTo("lovelace");
    assertThat(ok.get("source").asText()).isEqualTo("LOCAL");
    assertThat(ok.get("userId").asText()).isEqualTo(user("lovelace").get("id").asText());
    authenticate("lovelace", WRONG_PASSWORD).expectError(401, null);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    createUser("{\"userName\":\"lovelace\",\"password\":\"" + LOCAL_PASSWORD + "\"}");
    String wrong = authenticate("lovelace", WRONG_PASSWORD).expectError(401, null).detail();
    String unknown = authenticate("nobody-at-all", WRONG_PASSWORD).expectError(401, null).detail();
    assertThat(unknown).isEqualTo(wrong);
  }

  @Test
  void anInactiveUserIsRefusedLikeAWrongPassword() {
    createUser(
        "{\"userName\":\"lovelace\",\"active\":false,\"password\":\"" + LOCAL_PASSWORD + "\"}");
    String wrong = authenticate("ada", WRONG_PASSWORD).expectError(401, null).detail();
    assertThat(authenticate("lovelace", LOCAL_PASSWORD).expectError(401, null).detail())
        .isEqualTo(wrong);
    assertThat(authenticate("charles", DEMO_PASSWORD).expectError(401, null).detail())
        .as("disabled in the directory")
        .isEqualTo(wrong);
  }

  @Test
  void aLocalNoAuthUserIsToldToUseSso() {
    createUser("{\"userName\":\"sso-only\"}");
    assertThat(authenticate("sso-only", LOCAL_PASSWORD).expectError(400, "invalidValue").detail())
        .contains("SSO");
  }

  @Test
  void aSyncedDirectoryUserIsCheckedByABind() {
    JsonNode ok = authenticate("ada", DEMO_PASSWORD).expectStatus(200).json();
    assertThat(ok.get("source").asText()).isEqualTo("LDAP");
    assertThat(ok.get("userId").asText()).isEqualTo(user("ada").get("id").asText());
    authenticate("ada", WRONG_PASSWORD).expectError(401, null);
  }

  @Test
  void aDirectoryUserNotYetSyncedIsProvisionedOnTheFirstSuccessfulBind() throws Exception {
    directory.add(
        "dn: uid=linus,ou=people," + BASE,
        "objectClass: inetOrgPerson",
        "uid: linus",
        "cn: Linus Torvalds",
        "givenName: Linus",
        "sn: Torvalds",
        "mail: linus@demo.roster.dev",
        "userPassword: " + DEMO_PASSWORD);
    authenticate("linus", WRONG_PASSWORD).expectError(401, null);
    assertThat(user("linus")).as("a failed bind provisions nobody").isNull();
    JsonNode ok = authenticate("linus", DEMO_PASSWORD).expectStatus(200).json();
    JsonNode linus = scim.get("/Users/" + ok.get("userId").asText()).expectStatus(200).json();
    assertThat(linus.get("userName").asText()).isEqualTo("linus");
    assertThat(linus.at("/name/givenName").asText()).isEqualTo("Linus");
    assertThat(linus.get("active").asBoolean()).isTrue();
    JsonNode run = admin.post("/sync/demo/run?mode=full", null).expectStatus(200).json();
    run.get("counts")
        .forEach(count -> assertThat(count.asInt()).as("created as a sync would").isZero());
  }

  @Test
  void aFilterCharacterInTheUserNameIsAValueNotFilterSyntax() {
    authenticate("ad*", DEMO_PASSWORD).expectError(401, null);
    authenticate("x)(uid=*", DEMO_PASSWORD).expectError(401, null);
  }

  @Test
  void anUnreachableDirectoryIs503AndDisablesNobody() {
    directory.shutDown(true);
    assertThat(authenticate("ada", DEMO_PASSWORD).expectError(503, null).detail()).contains("demo");
    authenticate("someone-new", DEMO_PASSWORD).expectError(503, null);
    assertThat(user("ada").get("active").asBoolean()).isTrue();
  }

  @Test
  void anEmptyPasswordIs400AndNeverAnAnonymousBind() {
    authenticate("ada", "").expectError(400, "invalidValue");
    admin
        .post("/authenticate", "{\"userName\":\"ada\"}", "application/json")
        .expectError(400, "invalidValue");
    admin
        .post("/authenticate", "{\"userName\":\"ada\",\"password\":42}", "application/json")
        .expectError(400, "invalidValue");
    passwordsSent.add("Broken-Json-Secret");
    Reply broken =
        admin.post(
            "/authenticate",
            "{\"userName\":\"ada\",\"password\":\"Broken-Json-Secret",
            "application/json");
    broken.expectError(400, "invalidSyntax");
    assertThat(broken.body()).doesNotContain("Broken-Json-Secret");
  }

  @Test
  void repeatedFailuresAreSlowedDownUntilTheWindowPasses() {
    createUser("{\"userName\":\"lovelace\",\"password\":\"" + LOCAL_PASSWORD + "\"}");
    for (int i = 0; i < 5; i++) {
      authenticate("lovelace", WRONG_PASSWORD + i).expectError(401, null);
    }
    Reply slowed = authenticate("LoveLace", WRONG_PASSWORD + 5).expectError(429, null);
    assertThat(Long.parseLong(slowed.header("Retry-After"))).isBetween(1L, 900L);
    authenticate("lovelace", LOCAL_PASSWORD).expectError(429, null);
    authenticate("ada", DEMO_PASSWORD).expectStatus(200);
  }

  @Test
  void aSuccessForgetsEarlierFailures() {
    createUser("{\"userName\":\"lovelace\",\"password\":\"" + LOCAL_PASSWORD + "\"}");
    for (int i = 0; i < 4; i++) {
      authenticate("lovelace", WRONG_PASSWORD).expectError(401, null);
    }
    authenticate("lovelace", LOCAL_PASSWORD).expectStatus(200);
    for (int i = 0; i < 4; i++) {
      authenticate("lovelace", WRONG_PASSWORD).expectError(401, null);
    }
    authenticate("lovelace", LOCAL_PASSWORD).expectStatus(200);
  }

  @Test
  void itNeedsAnAdminToken() {
    new ScimClient(server.baseUrl() + "/admin", null)
        .post("/authenticate", "{\"userName\":\"ada\",\"password\":\"x\"}")
        .expectError(401, null);
  }
}
