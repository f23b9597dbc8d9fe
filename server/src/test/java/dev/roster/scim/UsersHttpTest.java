package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** /Users over HTTP against the real server, on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Db.class)
class UsersHttpTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private final ScimClient scim;

  UsersHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String user(String userName) {
    return """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
         "name":{"givenName":"Barbara","familyName":"Jensen"},
         "emails":[{"value":"%s@example.com","type":"work","primary":true}]}"""
        .formatted(userName, userName);
  }

  @Test
  void createAnswers201WithLocationEtagAndMeta() {
    String userName = unique("bjensen");
    Reply reply = scim.post("/Users", user(userName)).expectStatus(201);
    JsonNode body = reply.json();
    String id = body.get("id").asText();
    // Time-ordered (dev.roster.domain.Ids), so that new users go to the end of the id index.
    assertThat(UUID.fromString(id).version()).isEqualTo(7);
    assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
    assertThat(reply.header("Location")).endsWith("/scim/v2/Users/" + id);
    assertThat(reply.header("Content-Location")).isEqualTo(reply.header("Location"));
    assertThat(reply.header("ETag"))
        .isEqualTo(body.at("/meta/version").asText())
        .startsWith("W/\"");
    assertThat(body.at("/meta/resourceType").asText()).isEqualTo("User");
    assertThat(body.at("/meta/location").asText()).isEqualTo(reply.header("Location"));
    assertThat(OffsetDateTime.parse(body.at("/meta/created").asText())).isNotNull();
    assertThat(OffsetDateTime.parse(body.at("/meta/lastModified").asText())).isNotNull();
    // Core, and Roster's extension: every user has a source.
    assertThat(body.get("schemas")).hasSize(2);
    assertThat(body.get("userName").asText()).isEqualTo(userName);
    assertThat(body.at("/emails/0/value").asText()).isEqualTo(userName + "@example.com");
    assertThat(body.get("active").asBoolean()).isTrue();
  }

  @Test
  void getReturnsTheUserWithEtagAndContentLocation() {
    String id = scim.createUser(user(unique("get")));
    Reply reply = scim.get("/Users/" + id).expectStatus(200);
    assertThat(reply.json().get("id").asText()).isEqualTo(id);
    assertThat(reply.header("ETag")).isEqualTo(reply.json().at("/meta/version").asText());
    assertThat(reply.header("Content-Location")).endsWith("/Users/" + id);
  }

  @Test
  void everyCoreAndEnterpriseAttributeRoundTrips() {
    String userName = unique("full");
    String json =
        """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%2$s"],
         "externalId":"ext-%1$s","userName":"%1$s",
         "name":{"formatted":"Ms. Barbara J Jensen III","familyName":"Jensen","givenName":"Barbara",
                 "middleName":"Jane","honorificPrefix":"Ms.","honorificSuffix":"III"},
         "displayName":"Babs Jensen","nickName":"Babs","profileUrl":"https://login.example.com/bjensen",
         "title":"Tour Guide","userType":"Employee","preferredLanguage":"en-US","locale":"en-US",
         "timezone":"America/Los_Angeles","active":true,
         "emails":[{"value":"bjensen@example.com","type":"work","primary":true},{"value":"babs@jensen.org","type":"home"}],
         "phoneNumbers":[{"value":"555-555-5555","type":"work"}],
         "ims":[{"value":"someaimhandle","type":"aim"}],
         "photos":[{"value":"https://photos.example.com/profilephoto/72930000000Ccne/F","type":"photo"}],
         "addresses":[{"type":"work","streetAddress":"100 Universal City Plaza","locality":"Hollywood",
                       "region":"CA","postalCode":"91608","country":"USA","formatted":"100 Universal City Plaza","primary":true}],
         "entitlements":[{"value":"reports:read"}],
         "roles":[{"value":"analyst","display":"Analyst"}],
         "x509Certificates":[{"value":"MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"}],
         "%2$s":{"employeeNumber":"701984","costCenter":"4130","organization":"Universal Studios",
                 "division":"Theme Park","department":"Tour Operations","manager":{"value":"26118915-6090-4610-87e4-49d8ca9f808d"}}}
        """
            .formatted(userName, ENTERPRISE);
    String id = scim.createUser(json);
    JsonNode read = scim.get("/Users/" + id).expectStatus(200).json();
    JsonNode sent = dev.roster.testing.Json.parse(json);
    for (String attribute :
        List.of(
            "externalId",
            "userName",
            "name",
            "displayName",
            "nickName",
            "profileUrl",
            "title",
            "userType",
            "preferredLanguage",
            "locale",
            "timezone",
            "active",
            "emails",
            "phoneNumbers",
            "ims",
            "photos",
            "addresses",
            "entitlements",
            "roles",
            "x509Certificates",
            ENTERPRISE)) {
      assertThat(read.get(attribute)).as(attribute).isEqualTo(sent.get(attribute));
    }
    assertThat(read.get("schemas")).hasSize(3);
  }

  @Test
  void passwordIsAcceptedButNeverReturned() {
    String userName = unique("secret");
    Reply created =
        scim.post(
                "/Users",
                """
        {"userName":"%s","password":"correct horse battery staple"}"""
                    .formatted(userName))
            .expectStatus(201);
    assertThat(created.body()).doesNotContain("password").doesNotContain("correct horse");
    Reply read = scim.get("/Users/" + created.json().get("id").asText());
    assertThat(read.body()).doesNotContain("password").doesNotContain("correct horse");
    Reply listed =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"" + userName + "\""));
    assertThat(listed.body()).doesNotContain("correct horse");
  }

  @Test
  void attributeNamesAreCaseInsensitiveOnInput() {
    String userName = unique("CaseName");
    Reply reply =
        scim.post(
                "/Users",
                """
        {"SCHEMAS":["urn:ietf:params:scim:schemas:core:2.0:User"],"UserName":"%s",
         "NAME":{"GivenName":"Ann"},"Emails":[{"VALUE":"ann@example.com","Type":"work"}],"ACTIVE":false}
        """
                    .formatted(userName))
            .expectStatus(201);
    JsonNode body = reply.json();
    assertThat(body.get("userName").asText()).isEqualTo(userName);
    assertThat(body.at("/name/givenName").asText()).isEqualTo("Ann");
    assertThat(body.at("/emails/0/value").asText()).isEqualTo("ann@example.com");
    assertThat(body.get("active").asBoolean()).isFalse();
  }

  @Test
  void duplicateUserNameIgnoringCaseIs409Uniqueness() {
    String userName = unique("dup");
    scim.createUser(user(userName));
    scim.post("/Users", user(userName.toUpperCase())).expectError(409, "uniqueness");
  }

  @Test
  void simultaneousCreatesOfOneUserNameGiveOne201AndOnly409s() throws Exception {
    String userName = unique("race");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> creates = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        creates.add(() -> scim.post("/Users", user(userName)).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> status : pool.invokeAll(creates)) {
        statuses.add(status.get());
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    } finally {
      pool.shutdown();
    }
    JsonNode list =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"" + userName + "\"")).json();
    assertThat(list.get("totalResults").asInt()).isEqualTo(1);
  }

  @Test
  void replaceChangesAttributesIgnoresReadOnlyOnesAndMovesTheVersion() {
    String userName = unique("replace");
    Reply created = scim.post("/Users", user(userName)).expectStatus(201);
    String id = created.json().get("id").asText();
    Reply replaced =
        scim.put(
                "/Users/" + id,
                """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"not-the-id","userName":"%s",
         "displayName":"Renamed","meta":{"created":"2000-01-01T00:00:00Z"},"groups":[{"value":"x"}]}
        """
                    .formatted(userName + "-renamed"))
            .expectStatus(200);
    JsonNode body = replaced.json();
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("userName").asText()).isEqualTo(userName + "-renamed");
    assertThat(body.get("displayName").asText()).isEqualTo("Renamed");
    assertThat(body.has("emails")).as("PUT replaces: emails were not sent").isFalse();
    assertThat(body.at("/meta/created").asText())
        .isEqualTo(created.json().at("/meta/created").asText());
    assertThat(replaced.header("ETag")).isNotEqualTo(created.header("ETag"));
    assertThat(replaced.header("Content-Location")).endsWith("/Users/" + id);
  }

  @Test
  void replaceOfUnknownUserIs404() {
    scim.put("/Users/" + UUID.randomUUID(), user(unique("ghost"))).expectError(404, null);
  }

  @Test
  void deleteAnswers204ThenTheUserIsGone() {
    String id = scim.createUser(user(unique("delete")));
    scim.delete("/Users/" + id).expectStatus(204);
    scim.get("/Users/" + id).expectError(404, null);
    scim.delete("/Users/" + id).expectError(404, null);
  }

  @Test
  void unknownOrMalformedIdsAre404() {
    scim.get("/Users/" + UUID.randomUUID()).expectError(404, null);
    scim.get("/Users/not-a-uuid").expectError(404, null);
  }

  @Test
  void listFiltersByUserNameIgnoringCaseAndByExternalId() {
    String userName = unique("Filter");
    String id =
        scim.createUser(
            """
        {"userName":"%s","externalId":"ext-%s"}"""
                .formatted(userName, userName));
    JsonNode byName =
        scim.get(
                "/Users?filter="
                    + ScimClient.encode("userName eq \"" + userName.toUpperCase() + "\""))
            .expectStatus(200)
            .json();
    assertThat(byName.get("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
    assertThat(byName.get("totalResults").asInt()).isEqualTo(1);
    assertThat(byName.at("/Resources/0/id").asText()).isEqualTo(id);
    JsonNode byExternalId =
        scim.get("/Users?filter=" + ScimClient.encode("externalId eq \"ext-" + userName + "\""))
            .json();
    assertThat(byExternalId.at("/Resources/0/id").asText()).isEqualTo(id);
    JsonNode none =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"nobody-" + userName + "\""))
            .json();
    assertThat(none.get("totalResults").asInt()).isZero();
    assertThat(none.get("Resources")).isEmpty();
  }

  @Test
  void pagingIsOneBasedWithAnExactTotalAndCountZeroGivesOnlyTheTotal() {
    String prefix = unique("page");
    for (int i = 0; i < 5; i++) {
      scim.createUser("{\"userName\":\"" + prefix + "-" + i + "\"}");
    }
    String filter = "&filter=" + ScimClient.encode("userName sw \"" + prefix + "\"");
    JsonNode first = scim.get("/Users?startIndex=1&count=2" + filter).json();
    assertThat(first.get("totalResults").asInt()).isEqualTo(5);
    assertThat(first.get("itemsPerPage").asInt()).isEqualTo(2);
    assertThat(first.get("startIndex").asInt()).isEqualTo(1);
    assertThat(first.at("/Resources/0/userName").asText()).isEqualTo(prefix + "-0");
    JsonNode last = scim.get("/Users?startIndex=5&count=2" + filter).json();
    assertThat(last.get("itemsPerPage").asInt()).isEqualTo(1);
    assertThat(last.get("totalResults").asInt()).isEqualTo(5);
    assertThat(last.at("/Resources/0/userName").asText()).isEqualTo(prefix + "-4");
    JsonNode past = scim.get("/Users?startIndex=9&count=2" + filter).json();
    assertThat(past.get("totalResults").asInt()).isEqualTo(5);
    assertThat(past.get("Resources")).isEmpty();
    JsonNode all = scim.get("/Users?startIndex=1&count=10" + filter).json();
    assertThat(all.get("totalResults").asInt()).isEqualTo(5);
    JsonNode walk = scim.get("/Users?cursor=&count=10" + filter).json();
    assertThat(walk.get("totalResults").asInt()).isEqualTo(5);
    assertThat(walk.has("nextCursor")).isFalse();
    JsonNode walkStart = scim.get("/Users?cursor=&count=2" + filter).json();
    assertThat(walkStart.get("totalResults").asInt()).isEqualTo(5);
    JsonNode countOnly = scim.get("/Users?count=0" + filter).json();
    assertThat(countOnly.get("totalResults").asInt()).isEqualTo(5);
    assertThat(countOnly.get("Resources")).isEmpty();
  }

  @Test
  void aMissingUserNameIs400InvalidValue() {
    assertThat(
            scim.post("/Users", "{\"displayName\":\"no user name\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("userName");
  }

  @Test
  void wronglyTypedAttributesAre400InvalidValueNamingThem() {
    assertThat(
            scim.post("/Users", "{\"userName\":\"" + unique("t") + "\",\"active\":\"yes\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("active");
    assertThat(
            scim.post(
                    "/Users",
                    "{\"userName\":\"" + unique("t") + "\",\"emails\":{\"value\":\"a@b.c\"}}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("emails");
    assertThat(
            scim.post("/Users", "{\"userName\":\"" + unique("t") + "\",\"name\":\"Ann\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("name");
    assertThat(
            scim.post("/Users", "{\"userName\":[\"a\"]}").expectError(400, "invalidValue").detail())
        .contains("userName");
    assertThat(
            scim.post(
                    "/Users", "{\"userName\":\"" + unique("t") + "\",\"favouriteColour\":\"red\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("favouriteColour");
  }

  @Test
  void malformedJsonIs400InvalidSyntax() {
    scim.post("/Users", "{\"userName\": ").expectError(400, "invalidSyntax");
    scim.post("/Users", "").expectError(400, "invalidSyntax");
  }

  @Test
  void plainJsonIsAcceptedAndOtherMediaTypesAre415() {
    scim.post("/Users", "{\"userName\":\"" + unique("json") + "\"}", "application/json")
        .expectStatus(201);
    scim.post("/Users", "userName=x", "application/x-www-form-urlencoded").expectError(415, null);
  }

  @Test
  void responsesAreScimJsonEvenWhenTheClientAcceptsPlainJson() {
    String id = scim.createUser(user(unique("accept")));
    Reply reply = scim.get("/Users/" + id, Map.of("Accept", "application/json")).expectStatus(200);
    assertThat(reply.header("Content-Type")).startsWith("application/scim+json");
  }

  @Test
  void aLocalNoAuthUserCannotBeGivenAPassword() {
    String userName = unique("sso");
    String id = scim.createUser("{\"userName\":\"" + userName + "\"}");
    assertThat(
            scim.put(
                    "/Users/" + id,
                    "{\"userName\":\"" + userName + "\",\"password\":\"p4ssw0rd!\"}")
                .expectError(400, "invalidValue")
                .detail())
        .contains("LOCAL_NO_AUTH");
  }

  @Test
  void ifNoneMatchWithTheCurrentEtagIs304() {
    String id = scim.createUser(user(unique("etag")));
    String etag = scim.get("/Users/" + id).header("ETag");
    Reply notModified = scim.get("/Users/" + id, Map.of("If-None-Match", etag));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.header("ETag")).isEqualTo(etag);
    scim.get("/Users/" + id, Map.of("If-None-Match", "W/\"999999\"")).expectStatus(200);
  }

  @Test
  void ifMatchWithAStaleEtagIs412AndChangesNothing() {
    String userName = unique("ifmatch");
    String id = scim.createUser(user(userName));
    String etag = scim.get("/Users/" + id).header("ETag");
    scim.put("/Users/" + id, "{\"userName\":\"" + userName + "\",\"displayName\":\"first\"}")
        .expectStatus(200);
    Reply stale =
        scim.send(
            "PUT",
            "/Users/" + id,
            "{\"userName\":\"" + userName + "\",\"displayName\":\"second\"}",
            Map.of("If-Match", etag));
    stale.expectError(412, null);
    assertThat(scim.get("/Users/" + id).json().get("displayName").asText()).isEqualTo("first");
    scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", etag)).expectError(412, null);
    String current = scim.get("/Users/" + id).header("ETag");
    scim.send(
            "PUT",
            "/Users/" + id,
            "{\"userName\":\"" + userName + "\",\"displayName\":\"third\"}",
            Map.of("If-Match", current))
        .expectStatus(200);
    String latest = scim.get("/Users/" + id).header("ETag");
    scim.send("DELETE", "/Users/" + id, null, Map.of("If-Match", latest)).expectStatus(204);
  }

  @Test
  void unknownEndpointsAndMethodsAreScimErrors() {
    scim.get("/Nothing").expectError(404, null);
    scim.method("PATCH", "/Users", "{}").expectError(405, null);
  }
}
