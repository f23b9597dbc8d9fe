package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.config.ScimConfig;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** POST /Bulk (RFC 7644 §3.7) against the real server, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class BulkHttpTest {
  private static final String BULK_REQUEST = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
  private final Db db;
  private final ScimClient scim;

  BulkHttpTest(Db db) {
    this.db = db;
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String bulk(String failOnErrors, String... operations) {
    return "{\"schemas\":[\""
        + BULK_REQUEST
        + "\"]"
        + (failOnErrors == null ? "" : ",\"failOnErrors\":" + failOnErrors)
        + ",\"Operations\":["
        + String.join(",", operations)
        + "]}";
  }

  private static String postUser(String bulkId, String userName) {
    return """
        {"method":"POST","path":"/Users","bulkId":"%s","data":{
          "schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
          "password":"bulk-secret-1"}}"""
        .formatted(bulkId, userName);
  }

  private JsonNode run(String body) {
    Reply reply = scim.post("/Bulk", body).expectStatus(200);
    JsonNode response = reply.json();
    assertThat(response.at("/schemas/0").asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
    assertThat(reply.body()).doesNotContain("bulk-secret-1");
    return response.get("Operations");
  }

  @Test
  void aGroupCreatedInTheSameRequestNamesAUserByBulkId() {
    String userName = unique("bulk");
    String groupName = unique("bulk-group");
    JsonNode results =
        run(
            bulk(
                null,
                postUser("u1", userName),
                """
                {"method":"POST","path":"/Groups","bulkId":"g1","data":{
                  "displayName":"%s","members":[{"type":"User","value":"bulkId:u1"}]}}"""
                    .formatted(groupName)));
    assertThat(results).hasSize(2);
    JsonNode user = results.get(0);
    assertThat(user.get("method").asText()).isEqualTo("POST");
    assertThat(user.get("bulkId").asText()).isEqualTo("u1");
    assertThat(user.get("status").asText()).isEqualTo("201");
    assertThat(user.get("location").asText()).contains("/scim/v2/Users/");
    assertThat(user.get("version").asText()).isEqualTo("W/\"0\"");
    String userId = user.at("/response/id").asText();
    JsonNode group = results.get(1);
    assertThat(group.get("status").asText()).isEqualTo("201");
    assertThat(group.at("/response/members/0/value").asText()).isEqualTo(userId);
    JsonNode read = scim.get(group.get("location").asText()).expectStatus(200).json();
    assertThat(read.at("/members/0/value").asText()).isEqualTo(userId);
    assertThat(read.get("displayName").asText()).isEqualTo(groupName);
  }

  @Test
  void putPatchAndDeleteReportStatusLocationAndVersion() {
    String userName = unique("bulk-edit");
    String id = scim.createUser("{\"userName\":\"" + userName + "\"}");
    JsonNode results =
        run(
            bulk(
                null,
                """
                {"method":"PUT","path":"/Users/%s","version":"W/\\"0\\"","data":{
                  "userName":"%s","title":"Put"}}"""
                    .formatted(id, userName),
                """
                {"method":"PATCH","path":"/Users/%s","data":{
                  "schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations":[{"op":"Replace","path":"active","value":"False"}]}}"""
                    .formatted(id),
                """
                {"method":"DELETE","path":"/Users/%s"}"""
                    .formatted(id)));
    assertThat(results.get(0).get("status").asText()).isEqualTo("200");
    assertThat(results.get(0).get("version").asText()).isEqualTo("W/\"1\"");
    assertThat(results.get(0).at("/response/title").asText()).isEqualTo("Put");
    assertThat(results.get(1).get("status").asText()).isEqualTo("200");
    assertThat(results.get(1).at("/response/active").asBoolean()).isFalse();
    assertThat(results.get(1).get("location").asText()).endsWith("/scim/v2/Users/" + id);
    assertThat(results.get(2).get("status").asText()).isEqualTo("204");
    assertThat(results.get(2).get("location").asText()).endsWith("/scim/v2/Users/" + id);
    scim.get("/Users/" + id).expectError(404, null);
  }

  @Test
  void eachOperationFailsAloneWithItsOwnError() {
    String id = scim.createUser("{\"userName\":\"" + unique("bulk-fail") + "\"}");
    JsonNode results =
        run(
            bulk(
                null,
                "{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"bad\",\"data\":{\"displayName\":\"no userName\"}}",
                "{\"method\":\"PATCH\",\"path\":\"/Users/"
                    + id
                    + "\",\"version\":\"W/\\\"7\\\"\","
                    + "\"data\":{\"Operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}}",
                "{\"method\":\"POST\",\"path\":\"/Groups\",\"data\":{\"displayName\":\""
                    + unique("g")
                    + "\",\"members\":[{\"value\":\"bulkId:bad\"}]}}",
                "{\"method\":\"DELETE\",\"path\":\"/Nowhere/1\"}",
                postUser("ok", unique("bulk-ok"))));
    assertThat(results).hasSize(5);
    assertThat(results.get(0).get("status").asText()).isEqualTo("400");
    assertThat(results.get(0).at("/response/scimType").asText()).isEqualTo("invalidValue");
    assertThat(results.get(0).at("/response/detail").asText()).contains("userName");
    assertThat(results.get(0).get("bulkId").asText()).isEqualTo("bad");
    assertThat(results.get(0).has("location")).isFalse();
    assertThat(results.get(1).get("status").asText()).isEqualTo("412");
    assertThat(results.get(2).get("status").asText()).isEqualTo("409");
    assertThat(results.get(2).at("/response/detail").asText()).contains("bulkId:bad");
    assertThat(results.get(3).get("status").asText()).isEqualTo("404");
    assertThat(results.get(4).get("status").asText()).isEqualTo("201");
  }

  @Test
  void failOnErrorsStopsAfterThatManyFailures() {
    String bad = "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\"\"}}";
    String name = unique("never");
    JsonNode results = run(bulk("2", bad, bad, postUser("never", name)));
    assertThat(results).hasSize(2);
    assertThat(
            scim.get("/Users?filter=" + ScimClient.encode("userName eq \"" + name + "\""))
                .json()
                .get("totalResults")
                .asInt())
        .isZero();
  }

  @Test
  void aBulkIdIsReplacedOnlyWhereItIsTheWholeValue() {
    List<String> operations = new ArrayList<>();
    operations.add(postUser("u1", unique("one")));
    operations.add(postUser("u10", unique("ten")));
    operations.add(
        "{\"method\":\"POST\",\"path\":\"/Groups\",\"data\":{\"displayName\":\""
            + unique("pair")
            + "\",\"members\":[{\"value\":\"bulkId:u1\"},{\"value\":\"bulkId:u10\"}]}}");
    JsonNode results = run(bulk(null, operations.toArray(String[]::new)));
    List<String> members = new ArrayList<>();
    results.get(2).at("/response/members").forEach(m -> members.add(m.get("value").asText()));
    assertThat(members)
        .containsExactlyInAnyOrder(
            results.get(0).at("/response/id").asText(), results.get(1).at("/response/id").asText());
  }

  @Test
  void aMalformedRequestIsRefusedWhole() {
    scim.post("/Bulk", "{\"Operations\": ").expectError(400, "invalidSyntax");
    scim.post("/Bulk", bulk(null)).expectError(400, "invalidSyntax");
    scim.post("/Bulk", bulk(null, "{\"method\":\"GET\",\"path\":\"/Users\"}"))
        .expectError(400, "invalidSyntax");
    scim.post("/Bulk", bulk(null, postUser("same", unique("a")), postUser("same", unique("b"))))
        .expectError(400, "invalidValue");
    scim.post("/Bulk", bulk("0", postUser("x", unique("c")))).expectError(400, "invalidValue");
  }

  @Test
  void theLimitsAreAdvertisedAndOverThemIs413() {
    try (TestServer small =
        TestServer.start(db, config -> config.withScim(new ScimConfig(1000, 2, 1500)))) {
      ScimClient client = small.client();
      JsonNode config = client.get("/ServiceProviderConfig").json();
      assertThat(config.at("/bulk/supported").asBoolean()).isTrue();
      assertThat(config.at("/bulk/maxOperations").asInt()).isEqualTo(2);
      assertThat(config.at("/bulk/maxPayloadSize").asInt()).isEqualTo(1500);
      assertThat(config.at("/patch/supported").asBoolean()).isTrue();
      String three = bulk(null, postUser("a", "a1"), postUser("b", "b1"), postUser("c", "c1"));
      assertThat(client.post("/Bulk", three).expectError(413, null).detail())
          .contains("maxOperations");
      String large =
          bulk(
              null,
              "{\"method\":\"POST\",\"path\":\"/Users\",\"data\":{\"userName\":\""
                  + "x".repeat(1500)
                  + "\"}}");
      assertThat(client.post("/Bulk", large).expectError(413, null).detail())
          .contains("maxPayloadSize");
      client.post("/Bulk", bulk(null, postUser("a", "a1"))).expectStatus(200);
    }
  }
}
