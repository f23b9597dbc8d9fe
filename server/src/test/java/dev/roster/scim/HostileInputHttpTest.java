package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Input a careless or hostile client sends: every answer is a SCIM error with a 4xx status, never a
 * 500 or an HTML page, and nothing is half-written. Found by probing the server.
 */
@ParameterizedClass
@EnumSource(Db.class)
class HostileInputHttpTest {
  private final TestServer server;
  private final ScimClient scim;

  HostileInputHttpTest(Db db) {
    this.server = TestServer.shared(db);
    this.scim = server.client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private Reply filter(String filter) {
    return scim.get("/Users?filter=" + ScimClient.encode(filter));
  }

  @Test
  void deeplyNestedFiltersAreRefusedBeforeTheDatabase() {
    String filter = "not(".repeat(40) + "userName eq \"a\"" + ")".repeat(40);
    assertThat(filter(filter).expectError(400, "invalidFilter").detail()).contains("levels deep");
  }

  @Test
  void tooManyComparisonsAreRefused() {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      terms.add("userName eq \"u" + i + "\"");
    }
    filter(String.join(" or ", terms)).expectError(400, "invalidFilter");
  }

  @Test
  void filterSyntaxErrorsSayWhatIsWrongWithoutLibraryInternals() {
    String detail = filter("userName eq \"x").expectError(400, "invalidFilter").detail();
    assertThat(detail).doesNotContain("Source").doesNotContain("StreamReadFeature");
    String unfinished = filter("userName eq").expectError(400, "invalidFilter").detail();
    assertThat(unfinished)
        .contains("position 11")
        .doesNotContain("Source")
        .doesNotContain("StreamReadFeature");
    // A bare word is read as a string (Entra ID sends them): not a syntax error.
    filter("userName eq x").expectStatus(200);
  }

  @Test
  void filterValuesTheDatabaseCannotHoldAre400() {
    filter("userName eq \"a\u0000b\"").expectError(400, "invalidFilter");
    filter("meta.created gt \"+999999999-12-31T23:59:59Z\"").expectError(400, "invalidFilter");
  }

  @Test
  void aHugeCountIsCappedNotRefused() {
    JsonNode list = scim.get("/Users?count=99999999999").expectStatus(200).json();
    assertThat(list.get("itemsPerPage").asInt()).isLessThanOrEqualTo(1000);
  }

  @Test
  void oversizedNamesAre400NamingTheAttribute() {
    String longName = "x".repeat(257);
    assertThat(
            scim.post("/Users", "{\"userName\":\"" + longName + "\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("userName");
    assertThat(
            scim.post(
                    "/Users",
                    "{\"userName\":\"" + unique("u") + "\",\"externalId\":\"" + longName + "\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("externalId");
    assertThat(
            scim.post("/Groups", "{\"displayName\":\"" + longName + "\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("displayName");
  }

  @Test
  void aNameThatGrowsWhenCaseFoldedStillFits() {
    scim.post("/Users", "{\"userName\":\"" + "İ".repeat(128) + unique("") + "\"}")
        .expectStatus(201);
  }

  @Test
  void attributesTooLargeToStoreAre400() {
    String huge = "y".repeat(1_100_000);
    scim.post("/Users", "{\"userName\":\"" + unique("big") + "\",\"nickName\":\"" + huge + "\"}")
        .expectError(400, "invalidValue");
  }

  @Test
  void nulCharactersAre400() {
    scim.post("/Users", "{\"userName\":\"a\\u0000b\"}").expectError(400, "invalidValue");
    scim.post("/Groups", "{\"displayName\":\"g\\u0000\"}").expectError(400, "invalidValue");
  }

  @Test
  void emptyPasswordsAre400() {
    scim.post("/Users", "{\"userName\":\"" + unique("p") + "\",\"password\":\"\"}")
        .expectError(400, "invalidValue");
    scim.post("/Users", "{\"userName\":\"" + unique("p") + "\",\"password\":\"   \"}")
        .expectError(400, "invalidValue");
  }

  @Test
  void tenThousandsOfUnknownMembersAre400NotADatabaseLimit() {
    StringBuilder members = new StringBuilder();
    for (int i = 0; i < 70_000; i++) {
      members
          .append(i == 0 ? "" : ",")
          .append("{\"value\":\"")
          .append(UUID.randomUUID())
          .append("\"}");
    }
    scim.post(
            "/Groups", "{\"displayName\":\"" + unique("many") + "\",\"members\":[" + members + "]}")
        .expectError(400, "invalidValue");
  }

  @Test
  void aBogusCharsetIsIgnoredBecauseJsonIsUtf8() {
    scim.post(
            "/Users",
            "{\"userName\":\"" + unique("cs") + "\"}",
            "application/scim+json; charset=bogus-xyz")
        .expectStatus(201);
  }

  @Test
  void bytesThatAreNotUtf8Are400() throws Exception {
    byte[] body = "{\"userName\":\"x\u0000\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    body[body.length - 3] = (byte) 0xC3; // a lead byte followed by '"' is not UTF-8
    HttpResponse<String> response =
        raw(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scim/v2/Users"))
                .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN)
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("invalidSyntax");
  }

  @Test
  void caseAndWidthVariantsOfANameAreTheSameName() {
    String base = unique("abc");
    scim.createUser("{\"userName\":\"" + base + "\"}");
    String fullWidth =
        base.toUpperCase()
            .chars()
            .map(c -> c >= 'A' && c <= 'Z' ? c - 'A' + 'Ａ' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    scim.post("/Users", "{\"userName\":\"" + fullWidth + "\"}").expectError(409, "uniqueness");
    String cafe = unique("caf\u00e9");
    scim.createUser("{\"userName\":\"" + cafe + "\"}");
    scim.post("/Users", "{\"userName\":\"" + cafe.replace("\u00e9", "e\u0301") + "\"}")
        .expectError(409, "uniqueness");
  }

  @Test
  void jettyLevelErrorsAreScimJsonToo() throws Exception {
    HttpResponse<String> tooLong =
        raw(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/scim/v2/Users?filter=" + "a".repeat(40_000)))
                .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN));
    assertThat(tooLong.statusCode()).isBetween(400, 499);
    assertThat(tooLong.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/scim+json");
    assertThat(tooLong.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

    HttpResponse<String> badPath =
        raw(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/scim/v2/Users/%00"))
                .header("Authorization", "Bearer " + TestServer.BOOTSTRAP_TOKEN));
    assertThat(badPath.statusCode()).isBetween(400, 499);
    assertThat(badPath.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");

    HttpResponse<String> elsewhere =
        raw(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/nothing-here")));
    assertThat(elsewhere.statusCode()).isEqualTo(404);
    assertThat(elsewhere.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
  }

  @Test
  void aMemberDeletedWhileBeingAddedNeverLingersInTheGroup() {
    String groupName = unique("race");
    String groupId = scim.createGroup("{\"displayName\":\"" + groupName + "\"}");
    for (int i = 0; i < 20; i++) {
      String userId = scim.createUser("{\"userName\":\"" + unique("racer") + "\"}");
      CompletableFuture<Reply> add =
          CompletableFuture.supplyAsync(
              () ->
                  scim.put(
                      "/Groups/" + groupId,
                      "{\"displayName\":\""
                          + groupName
                          + "\",\"members\":[{\"value\":\""
                          + userId
                          + "\"}]}"));
      CompletableFuture<Reply> delete =
          CompletableFuture.supplyAsync(() -> scim.delete("/Users/" + userId));
      assertThat(add.join().status()).isIn(200, 400, 409);
      assertThat(delete.join().status()).isEqualTo(204);
      JsonNode group = scim.get("/Groups/" + groupId).expectStatus(200).json();
      group.path("members").forEach(m -> assertThat(m.get("value").asText()).isNotEqualTo(userId));
    }
  }

  private static HttpResponse<String> raw(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
