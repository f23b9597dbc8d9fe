package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL injection attempts through filter values, attribute names, sortBy, attributes and cursors:
 * values match only themselves, names that are not attributes are 400s, and the tables are intact
 * afterwards. On H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class InjectionHttpTest {
  private final ScimClient scim;

  InjectionHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private JsonNode users(String filter) {
    return scim.get("/Users?filter=" + ScimClient.encode(filter)).expectStatus(200).json();
  }

  @Test
  void quotesAndWildcardsInValuesMatchOnlyThemselves() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String sneaky = "x' or '1'='1-" + tag;
    String id =
        scim.createUser(
            """
            {"userName":"%s","displayName":"100%% _sure_ %s","title":"'); drop table user_value; --",
             "emails":[{"value":"a\\\\b%%c@%s.example"}]}"""
                .formatted(sneaky, tag, tag));
    assertThat(users("userName eq \"" + sneaky + "\"").get("totalResults").asInt()).isEqualTo(1);
    assertThat(users("userName eq \"x' or '1'='1\"").get("totalResults").asInt()).isZero();
    assertThat(users("userName eq \"\\\" or 1=1 --\"").get("totalResults").asInt()).isZero();
    JsonNode percent = users("displayName co \"0% _\" and displayName co \"" + tag + "\"");
    assertThat(percent.at("/Resources/0/id").asText()).isEqualTo(id);
    assertThat(users("displayName sw \"1_0\"").get("totalResults").asInt()).isZero();
    assertThat(
            users("title eq \"'); drop table user_value; --\" and userName co \"" + tag + "\"")
                .get("totalResults")
                .asInt())
        .isEqualTo(1);
    assertThat(
            users("emails.value eq \"a\\\\b%c@" + tag + ".example\"").get("totalResults").asInt())
        .isEqualTo(1);
    assertThat(users("emails[value co \"%c@" + tag + "\"]").get("totalResults").asInt())
        .isEqualTo(1);
    assertTablesIntact(id);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName;drop table user_account eq \"x\"",
        "userName eq \"x\" or 1 eq 1",
        "\"userName\" eq \"x\"",
        "e.id eq \"x\"",
        "urn:x' or 1=1 --:userName eq \"x\"",
        "emails[value eq \"x\"; drop table user_value]",
        "name.familyName) or (1=1 eq \"x\"",
        "userName eq \"x\") or (\"1\" eq \"1",
        "meta.created gt \"2020-01-01T00:00:00Z'; drop table user_account; --\""
      })
  void namesThatAreNotAttributesAre400InvalidFilter(String filter) {
    scim.get("/Users?filter=" + ScimClient.encode(filter)).expectError(400, "invalidFilter");
    assertTablesIntact(null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName; drop table user_account",
        "userName desc, id",
        "(select 1)",
        "e.id",
        "1",
        "emails.value",
        "name",
        "user_name_lower"
      })
  void sortByThatIsNotASingularAttributeIs400InvalidValue(String sortBy) {
    scim.get("/Users?sortBy=" + ScimClient.encode(sortBy)).expectError(400, "invalidValue");
    assertTablesIntact(null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"userName);drop table user_account;--", "*", "meta.created,1=1"})
  void attributesThatAreNotAttributesAre400InvalidValue(String attributes) {
    scim.get("/Users?attributes=" + ScimClient.encode(attributes)).expectError(400, "invalidValue");
    assertTablesIntact(null);
  }

  @Test
  void aForgedCursorOnlyMovesWhereTheWalkStarts() throws Exception {
    scim.createUser("{\"userName\":\"cursor-" + UUID.randomUUID() + "\"}");
    String next = scim.get("/Users?cursor&count=1").json().get("nextCursor").asText();
    ObjectMapper json = new ObjectMapper();
    ObjectNode cursor = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(next));
    cursor.put("k", "'; drop table user_account; --");
    String forged =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.writeValueAsString(cursor).getBytes(StandardCharsets.UTF_8));
    scim.get("/Users?count=5&cursor=" + forged).expectStatus(200);
    cursor.put("i", "1; drop table user_account");
    String badId =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(json.writeValueAsString(cursor).getBytes(StandardCharsets.UTF_8));
    scim.get("/Users?count=5&cursor=" + badId).expectError(400, "invalidCursor");
    assertTablesIntact(null);
  }

  /** Users, their values and groups can still be written and read. */
  private void assertTablesIntact(String knownId) {
    String canary = "canary-" + UUID.randomUUID();
    String id =
        scim.createUser(
            "{\"userName\":\"" + canary + "\",\"emails\":[{\"value\":\"" + canary + "@x\"}]}");
    assertThat(users("emails.value eq \"" + canary + "@x\"").at("/Resources/0/id").asText())
        .isEqualTo(id);
    scim.get("/Groups?count=1").expectStatus(200);
    if (knownId != null) {
      scim.get("/Users/" + knownId).expectStatus(200);
    }
  }
}
