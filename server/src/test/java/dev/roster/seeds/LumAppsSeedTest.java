package dev.roster.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LumApps' user management (shared/seeds/004_91d0794b92cf6674.txt) walked through Roster: list with
 * status, fields, registeredSince and feeds; save with and without a password; get by email or uid;
 * update names; enable and disable.
 *
 * <p>Not walked here, as they need the Roster extension: {@code showHidden} / {@code isHidden} and
 * {@code types} (account types, Roster's {@code source}).
 */
@ParameterizedClass
@EnumSource(Db.class)
class LumAppsSeedTest {
  private static final String EXT = "urn:roster:scim:extension:2.0:User";

  @Parameter Db db;
  private TestServer server;
  private ScimClient scim;
  private String run;

  @BeforeEach
  void connect() {
    server = TestServer.shared(db);
    scim = server.client();
    run = "lum" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** user/save with the minimal payload: email, firstName, lastName. The email is the userName. */
  private String save(String local, String first, String last) {
    String email = local + "@" + run + ".example.org";
    return scim.createUser(
        """
        {"userName":"%1$s","emails":[{"value":"%1$s","primary":true}],
         "name":{"givenName":"%2$s","familyName":"%3$s"}}"""
            .formatted(email, first, last));
  }

  private List<String> list(String filter, String more) {
    String mine = "userName ew \"@" + run + ".example.org\"";
    String all = filter == null ? mine : "(" + filter + ") and " + mine;
    JsonNode page =
        scim.get("/Users?sortBy=userName&filter=" + ScimClient.encode(all) + more)
            .expectStatus(200)
            .json();
    List<String> names = new ArrayList<>();
    page.path("Resources").forEach(r -> names.add(r.get("userName").asText().split("@")[0]));
    return names;
  }

  /** user/list with status enabled or disabled; user/save with status "disabled" disables. */
  @Test
  void statusEnabledOrDisabledIsActiveAndSavingDisabledDisables() {
    save("ann", "Ann", "A");
    String bob = save("bob", "Bob", "B");
    JsonNode user = scim.get("/Users/" + bob).expectStatus(200).json();
    ((ObjectNode) user).put("active", false); // user['status'] = "disabled"
    scim.put("/Users/" + bob, user.toString()).expectStatus(200);
    assertThat(list("active eq true", "")).containsExactly("ann");
    assertThat(list("active eq false", "")).containsExactly("bob");
    scim.patch(
            "/Users/" + bob,
            ScimClient.patchOps("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}"))
        .expectStatus(200);
    assertThat(list("active eq true", "")).containsExactly("ann", "bob");
  }

  /**
   * user/save with isHidden ("visible in search and user directory"); user/list leaves hidden users
   * out unless showHidden=True, which is includeHidden=true here (or a filter naming hidden).
   */
  @Test
  void hiddenUsersAreLeftOutOfListsUnlessShown() {
    save("hana", "Hana", "H");
    String ivo = save("ivo", "Ivo", "I");
    scim.patch(
            "/Users/" + ivo,
            ScimClient.patchOps(
                "{\"op\":\"replace\",\"path\":\"" + EXT + ":hidden\",\"value\":true}"))
        .expectStatus(200);

    assertThat(list(null, "")).containsExactly("hana");
    assertThat(list(null, "&includeHidden=true")).containsExactly("hana", "ivo");
    assertThat(list(EXT + ":hidden eq true", "")).containsExactly("ivo");
    scim.get("/Users/" + ivo).expectStatus(200);
  }

  /**
   * user/list with types (google, microsoft, okta, external): the account's source here, LOCAL for
   * an account saved with a password, LOCAL_NO_AUTH for one that signs in elsewhere.
   */
  @Test
  void accountTypesAreTheSourceAndFilterTheList() {
    save("jo", "Jo", "J");
    scim.createUser(
        """
        {"userName":"kim@%s.example.org","password":"a long enough password 1"}"""
            .formatted(run));

    assertThat(list(EXT + ":source eq \"LOCAL\"", "")).containsExactly("kim");
    assertThat(list(EXT + ":source eq \"LOCAL_NO_AUTH\"", "")).containsExactly("jo");
  }

  /** user/list with fields: "response will contain only specified properties". */
  @Test
  void fieldsProjectTheResponse() {
    save("cleo", "Cleo", "C");
    JsonNode page =
        scim.get(
                "/Users?attributes=userName,name.familyName&filter="
                    + ScimClient.encode("userName sw \"cleo@" + run + "\""))
            .json();
    JsonNode cleo = page.at("/Resources/0");
    assertThat(cleo.get("name").get("familyName").asText()).isEqualTo("C");
    assertThat(cleo.has("emails")).isFalse();
    assertThat(cleo.get("name").has("givenName")).isFalse();
    assertThat(cleo.has("meta")).isFalse();
  }

  /** user/list with registeredSince: users registered in the last n days. */
  @Test
  void registeredSinceIsMetaCreatedAfterAnInstant() {
    save("dana", "Dana", "D");
    String dayAgo = Instant.now().minus(Duration.ofDays(1)).toString();
    String later = Instant.now().plus(Duration.ofMinutes(5)).toString();
    assertThat(list("meta.created gt \"" + dayAgo + "\"", "")).containsExactly("dana");
    assertThat(list("meta.created gt \"" + later + "\"", "")).isEmpty();
  }

  /** user/list with feeds: the members of these feeds (Roster's groups). */
  @Test
  void feedsAreGroupsAndListingAFeedListsItsMembers() {
    String eve = save("eve", "Eve", "E");
    save("finn", "Finn", "F");
    String feed =
        scim.createGroup(
            "{\"displayName\":\"feed-%s\",\"members\":[{\"value\":\"%s\"}]}".formatted(run, eve));
    assertThat(list("groups.value eq \"" + feed + "\"", "")).containsExactly("eve");
  }

  /**
   * user/get by email or by uid; then user/save of the object from user/get with a new lastName.
   */
  @Test
  void getByEmailOrUidThenSaveTheObjectWithNewNames() {
    String id = save("gus", "Gus", "Old");
    String email = "gus@" + run + ".example.org";
    JsonNode byEmail =
        scim.get("/Users?filter=" + ScimClient.encode("emails.value eq \"" + email + "\""))
            .json()
            .at("/Resources/0");
    assertThat(byEmail.get("id").asText()).isEqualTo(id);
    JsonNode byUid = scim.get("/Users/" + id).expectStatus(200).json();
    ((ObjectNode) byUid.get("name")).put("familyName", "new lastName");
    ((ObjectNode) byUid.get("name")).put("givenName", "Augustus");
    scim.put("/Users/" + id, byUid.toString()).expectStatus(200);
    JsonNode saved = scim.get("/Users/" + id).json();
    assertThat(saved.at("/name/familyName").asText()).isEqualTo("new lastName");
    assertThat(saved.at("/name/givenName").asText()).isEqualTo("Augustus");
    assertThat(saved.at("/emails/0/value").asText()).isEqualTo(email);
  }

  /**
   * user/save with password (and rePassword, which the client compares): the user can sign in with
   * it, and it is never returned. Without one the user signs in through SSO only.
   */
  @Test
  void savingWithAPasswordLetsTheUserSignInAndNeverShowsIt() {
    String email = "hal@" + run + ".example.org";
    JsonNode created =
        scim.post(
                "/Users",
                """
                {"userName":"%1$s","emails":[{"value":"%1$s"}],
                 "name":{"givenName":"Hal","familyName":"H"},"password":"1234567890"}"""
                    .formatted(email))
            .expectStatus(201)
            .json();
    assertThat(created.has("password")).isFalse();
    assertThat(created.toString()).doesNotContain("1234567890");
    JsonNode signedIn =
        scim.post(
                server.baseUrl() + "/admin/authenticate",
                "{\"userName\":\"%s\",\"password\":\"1234567890\"}".formatted(email),
                "application/json")
            .expectStatus(200)
            .json();
    assertThat(signedIn.get("source").asText()).isEqualTo("LOCAL");
    save("ivy", "Ivy", "I");
    String sso =
        scim.post(
                server.baseUrl() + "/admin/authenticate",
                "{\"userName\":\"ivy@%s.example.org\",\"password\":\"x\"}".formatted(run),
                "application/json")
            .expectError(400, "invalidValue")
            .detail();
    assertThat(sso).contains("SSO");
  }
}
