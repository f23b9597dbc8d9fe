package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.roster.config.RosterConfig;
import dev.roster.domain.Tenant;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * A group of 100,000 members: streamed from the database into the response (chunked, never whole in
 * memory), and not read at all when {@code excludedAttributes=members}. The members are written
 * straight into the tables by a batched insert that only this test uses; everything read goes over
 * HTTP. On H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class LargeGroupHttpTest {
  private static final int MEMBERS = 100_000;

  private static TestServer server;
  private static ScimClient scim;
  private static String groupId;
  private static String aMember;

  @Parameter Db db;

  @BeforeParameterizedClassInvocation
  static void load(Db db) throws Exception {
    server = TestServer.start(db);
    scim = server.client();
    groupId = scim.createGroup("{\"displayName\":\"everyone at once\"}");
    aMember = insertMembers(server.config(), UUID.fromString(groupId));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  /** Users and their memberships by JDBC batches; returns one member's id. */
  private static String insertMembers(RosterConfig config, UUID group) throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    UUID first = null;
    try (Connection connection =
            DriverManager.getConnection(
                config.jdbcUrl(), config.db().user(), config.db().password());
        PreparedStatement user =
            connection.prepareStatement(
                "insert into user_account (id, tenant_id, user_name, user_name_lower, active,"
                    + " source, hidden, attributes, created, last_modified, version,"
                    + " search_version) values (?, ?, ?, ?, true, 'LOCAL_NO_AUTH', false, '{}',"
                    + " ?, ?, 0, 1)");
        PreparedStatement member =
            connection.prepareStatement(
                "insert into membership (group_id, user_id, origin, tenant_id, created)"
                    + " values (?, ?, 'MANUAL', ?, ?)")) {
      connection.setAutoCommit(false);
      long run = UUID.randomUUID().getMostSignificantBits() & 0x7fff_ffff_0000_0000L;
      for (int i = 0; i < MEMBERS; i++) {
        // Ascending ids: H2 appends to its indexes instead of splitting pages all over them.
        UUID id = new UUID(run + i, UUID.randomUUID().getLeastSignificantBits());
        first = first == null ? id : first;
        String name = "member-%06d".formatted(i);
        user.setObject(1, id);
        user.setObject(2, Tenant.DEFAULT_ID);
        user.setString(3, name);
        user.setString(4, name);
        user.setTimestamp(5, now);
        user.setTimestamp(6, now);
        user.addBatch();
        member.setObject(1, group);
        member.setObject(2, id);
        member.setObject(3, Tenant.DEFAULT_ID);
        member.setTimestamp(4, now);
        member.addBatch();
        if (i % 5_000 == 4_999) {
          user.executeBatch();
          member.executeBatch();
          connection.commit();
        }
      }
    }
    return first.toString();
  }

  @Test
  void aGroupOfAHundredThousandMembersIsStreamedWhole() throws Exception {
    HttpResponse<InputStream> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scim/v2/Groups/" + groupId))
                    .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    // Sent as it is written: no length known up front.
    assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    assertThat(response.headers().firstValue("ETag")).isPresent();
    int members = 0;
    boolean sawMember = false;
    try (InputStream body = response.body();
        JsonParser parser = new JsonFactory().createParser(body)) {
      int depth = 0;
      boolean inMembers = false;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
          if (depth == 1) {
            inMembers = false;
          }
        } else if (token == JsonToken.FIELD_NAME && depth == 1) {
          inMembers = parser.currentName().equals("members");
        } else if (token == JsonToken.VALUE_STRING
            && inMembers
            && depth == 3
            && parser.currentName().equals("value")) {
          members++;
          sawMember |= parser.getText().equals(aMember);
        }
      }
    }
    assertThat(members).isEqualTo(MEMBERS);
    assertThat(sawMember).isTrue();
  }

  @Test
  void excludingMembersReadsNoMembership() {
    List<String> statements =
        statementsDuring(
            () ->
                assertThat(
                        scim.get("/Groups/" + groupId + "?excludedAttributes=members")
                            .expectStatus(200)
                            .json()
                            .has("members"))
                    .isFalse());
    assertThat(statements).isNotEmpty().noneMatch(sql -> sql.contains("membership"));
    List<String> listed =
        statementsDuring(
            () ->
                scim.get(
                        "/Groups?excludedAttributes=members&filter="
                            + ScimClient.encode("displayName eq \"everyone at once\""))
                    .expectStatus(200));
    assertThat(listed).isNotEmpty().noneMatch(sql -> sql.contains("membership"));
    // The check does see a member read when there is one.
    String small =
        scim.createGroup(
            "{\"displayName\":\"a few\",\"members\":[{\"value\":\"" + aMember + "\"}]}");
    List<String> withMembers =
        statementsDuring(() -> scim.get("/Groups/" + small).expectStatus(200));
    assertThat(withMembers).anyMatch(sql -> sql.contains("membership"));
  }

  @Test
  void aMemberSeesTheGroupAndTheGroupIsFoundByMember() {
    assertThat(scim.get("/Users/" + aMember).json().get("groups").findValuesAsText("value"))
        .contains(groupId);
    assertThat(
            scim.get(
                    "/Groups?excludedAttributes=members&filter="
                        + ScimClient.encode("members.value eq \"" + aMember + "\""))
                .json()
                .get("Resources")
                .findValuesAsText("id"))
        .contains(groupId);
  }

  /** The SQL Hibernate sends while {@code work} runs, from its statement log. */
  private static List<String> statementsDuring(Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Level level = logger.getLevel();
    boolean additive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
    try {
      work.run();
    } finally {
      logger.setLevel(level);
      logger.setAdditive(additive);
      logger.detachAppender(appender);
    }
    return appender.list.stream()
        .map(event -> event.getFormattedMessage().toLowerCase(java.util.Locale.ROOT))
        .toList();
  }
}
