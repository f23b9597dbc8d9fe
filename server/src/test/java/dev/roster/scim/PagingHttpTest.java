package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.domain.CaseInsensitive;
import dev.roster.testing.ConcurrentLoad;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Paging invariants over 3,000 users on a server of their own: index and cursor walks return every
 * user once, in order, with an exact total; a cursor walk stays exact while users are inserted and
 * deleted under it. On H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class PagingHttpTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final int USERS = 3_000;
  private static final String[] TITLES = {"Engineer", "manager", "Analyst", "engineer"};
  private static final String[] DEPARTMENTS = {"Sales", "Ops", "R&D"};

  private static TestServer server;
  private static ScimClient scim;
  private static Set<String> loaded;

  @Parameter Db db;

  @BeforeParameterizedClassInvocation
  static void load(Db db) {
    server = TestServer.start(db);
    scim = server.client();
    loaded = new HashSet<>(ConcurrentLoad.users(scim, USERS, PagingHttpTest::user));
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  private static String user(int i) {
    StringBuilder json = new StringBuilder("{\"userName\":\"p%04d\"".formatted(i));
    if (i % 5 != 0) {
      json.append(",\"title\":\"").append(TITLES[i % TITLES.length]).append("\"");
    }
    if (i % 3 != 0) {
      json.append(",\"%s\":{\"department\":\"%s\"}".formatted(ENTERPRISE, DEPARTMENTS[i % 3]));
    }
    return json.append("}").toString();
  }

  @Test
  void anIndexWalkReturnsEveryUserOnceInUserNameOrderWithAnExactTotal() {
    List<JsonNode> walked = new ArrayList<>();
    for (int start = 1; start <= USERS; start += 700) {
      JsonNode page = scim.get("/Users?startIndex=" + start + "&count=700").json();
      assertThat(page.get("totalResults").asInt()).isEqualTo(USERS);
      assertThat(page.get("startIndex").asInt()).isEqualTo(start);
      assertThat(page.get("itemsPerPage").asInt()).isEqualTo(page.get("Resources").size());
      page.get("Resources").forEach(walked::add);
    }
    assertThat(ids(walked)).hasSize(USERS).containsExactlyInAnyOrderElementsOf(loaded);
    assertInOrder(walked, user -> user.get("userName").asText(), false);
  }

  @Test
  void anIndexWalkSortedByANullableAttributeWithTiesIsCompleteAndOrdered() {
    for (boolean descending : List.of(false, true)) {
      List<JsonNode> walked = new ArrayList<>();
      for (int start = 1; start <= USERS; start += 900) {
        scim.get(
                "/Users?sortBy=title&sortOrder="
                    + (descending ? "descending" : "ascending")
                    + "&startIndex="
                    + start
                    + "&count=900")
            .json()
            .get("Resources")
            .forEach(walked::add);
      }
      assertThat(ids(walked)).hasSize(USERS).containsExactlyInAnyOrderElementsOf(loaded);
      assertInOrder(walked, user -> text(user.get("title")), descending);
    }
  }

  @Test
  void aCursorWalkReturnsEveryUserOnceAndPreviousCursorsGoBack() {
    List<JsonNode> pages = new ArrayList<>();
    List<JsonNode> walked = new ArrayList<>();
    JsonNode page = scim.get("/Users?cursor&count=400").expectStatus(200).json();
    assertThat(page.has("previousCursor")).isFalse();
    assertThat(page.has("startIndex")).isFalse();
    while (true) {
      assertThat(page.get("totalResults").asInt()).isEqualTo(USERS);
      assertThat(page.get("Resources").size()).isLessThanOrEqualTo(400);
      pages.add(page);
      page.get("Resources").forEach(walked::add);
      if (!page.has("nextCursor")) {
        break;
      }
      assertThat(page.get("nextCursor").asText()).matches("[A-Za-z0-9_~.-]+");
      page = scim.get("/Users?count=400&cursor=" + page.get("nextCursor").asText()).json();
    }
    assertThat(ids(walked)).hasSize(USERS).containsExactlyInAnyOrderElementsOf(loaded);
    assertInOrder(walked, user -> user.get("userName").asText(), false);
    // Back from the third page is the second page, exactly.
    JsonNode back =
        scim.get("/Users?count=400&cursor=" + pages.get(2).get("previousCursor").asText()).json();
    assertThat(ids(resources(back))).containsExactlyElementsOf(ids(resources(pages.get(1))));
    assertThat(back.get("nextCursor").asText()).isNotEmpty();
    JsonNode first =
        scim.get("/Users?count=400&cursor=" + pages.get(1).get("previousCursor").asText()).json();
    assertThat(ids(resources(first))).containsExactlyElementsOf(ids(resources(pages.get(0))));
    assertThat(first.has("previousCursor")).isFalse();
  }

  @Test
  void aCursorWalkSortedByAnExtensionAttributeDescendingIsCompleteAndOrdered() {
    String query = "/Users?count=500&sortOrder=descending&sortBy=" + ENTERPRISE + ":department";
    List<JsonNode> walked = new ArrayList<>();
    JsonNode page = scim.get(query + "&cursor=").expectStatus(200).json();
    while (true) {
      page.get("Resources").forEach(walked::add);
      if (!page.has("nextCursor")) {
        break;
      }
      page = scim.get(query + "&cursor=" + page.get("nextCursor").asText()).json();
    }
    assertThat(ids(walked)).hasSize(USERS).containsExactlyInAnyOrderElementsOf(loaded);
    assertInOrder(walked, user -> text(user.at("/" + ENTERPRISE + "/department")), true);
  }

  @Test
  void aCursorWalkReturnsEveryUserThatExistsThroughoutExactlyOnceWhileOthersComeAndGo()
      throws Exception {
    String filter = "&filter=" + ScimClient.encode("userName sw \"p\" or userName sw \"q\"");
    List<String> before = new ArrayList<>(loaded);
    // Users deleted during the walk, chosen across the whole order; the rest exist throughout.
    List<String> doomed = new ArrayList<>();
    for (int i = 0; i < before.size(); i += 10) {
      doomed.add(before.get(i));
    }
    Set<String> throughout = new HashSet<>(before);
    doomed.forEach(throughout::remove);
    AtomicBoolean walking = new AtomicBoolean(true);
    List<String> inserted = new ArrayList<>();
    JsonNode page = scim.get("/Users?count=100&cursor" + filter).json();
    CompletableFuture<Void> churn =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < doomed.size(); i++) {
                scim.delete("/Users/" + doomed.get(i)).expectStatus(204);
                // New users sort everywhere in the order: before, among and after the others.
                String name = (i % 2 == 0 ? "p" : "q") + "%04d-new".formatted((i * 37) % USERS);
                inserted.add(scim.createUser("{\"userName\":\"" + name + "\"}"));
              }
              walking.set(false);
            });
    List<String> walked = new ArrayList<>();
    while (true) {
      resources(page).forEach(user -> walked.add(user.get("id").asText()));
      if (!page.has("nextCursor")) {
        break;
      }
      page =
          scim.get("/Users?count=100" + filter + "&cursor=" + page.get("nextCursor").asText())
              .json();
    }
    churn.get();
    assertThat(new LinkedHashSet<>(walked)).as("no user twice").hasSize(walked.size());
    assertThat(walked).containsAll(throughout);
    Set<String> allowed = new HashSet<>(throughout);
    allowed.addAll(doomed);
    allowed.addAll(inserted);
    assertThat(allowed).containsAll(walked);
    // Put the data set back for the other tests.
    inserted.forEach(id -> scim.delete("/Users/" + id).expectStatus(204));
    loaded.removeAll(doomed);
    loaded.addAll(ConcurrentLoad.users(scim, doomed.size(), i -> user(USERS + i)));
  }

  @Test
  void countZeroGivesTheTotalOnlyAndCountIsCappedAtMaxResults() {
    JsonNode total = scim.get("/Users?count=0").json();
    assertThat(total.get("totalResults").asInt()).isEqualTo(loaded.size());
    assertThat(total.get("Resources")).isEmpty();
    JsonNode capped = scim.get("/Users?count=5000").json();
    assertThat(capped.get("itemsPerPage").asInt()).isEqualTo(1000);
    JsonNode beyond = scim.get("/Users?startIndex=" + (USERS + 1)).json();
    assertThat(beyond.get("Resources")).isEmpty();
    assertThat(beyond.get("totalResults").asInt()).isEqualTo(loaded.size());
    JsonNode below = scim.get("/Users?startIndex=-5&count=1").json();
    assertThat(below.get("startIndex").asInt()).isEqualTo(1);
    JsonNode cursorTotal = scim.get("/Users?cursor&count=0").json();
    assertThat(cursorTotal.get("totalResults").asInt()).isEqualTo(loaded.size());
    assertThat(cursorTotal.has("nextCursor")).isFalse();
  }

  @Test
  void cursorsThatDoNotFitTheSearchAre400InvalidCursor() {
    String next = scim.get("/Users?cursor&count=10").json().get("nextCursor").asText();
    scim.get("/Users?cursor=not-a-cursor").expectError(400, "invalidCursor");
    scim.get("/Users?cursor=" + next + "x").expectError(400, "invalidCursor");
    assertThat(
            scim.get("/Users?sortBy=title&cursor=" + next)
                .expectError(400, "invalidCursor")
                .detail())
        .contains("another filter, sortBy or sortOrder");
    scim.get("/Groups?cursor=" + next).expectError(400, "invalidCursor");
    scim.get("/Users?startIndex=1&cursor=" + next).expectError(400, "invalidValue");
  }

  @Test
  void serviceProviderConfigAdvertisesIndexAndCursorPaging() {
    JsonNode pagination = scim.get("/ServiceProviderConfig").json().get("pagination");
    assertThat(pagination.get("cursor").asBoolean()).isTrue();
    assertThat(pagination.get("index").asBoolean()).isTrue();
    assertThat(pagination.get("defaultPaginationMethod").asText()).isEqualTo("index");
    assertThat(pagination.get("maxPageSize").asInt()).isEqualTo(1000);
  }

  private static List<JsonNode> resources(JsonNode page) {
    List<JsonNode> list = new ArrayList<>();
    page.get("Resources").forEach(list::add);
    return list;
  }

  private static List<String> ids(List<JsonNode> users) {
    return users.stream().map(user -> user.get("id").asText()).toList();
  }

  private static String text(JsonNode node) {
    return node == null || node.isMissingNode() ? null : node.asText();
  }

  /** Sort values never go backwards; a missing value sorts last ascending, first descending. */
  private static void assertInOrder(
      List<JsonNode> users, Function<JsonNode, String> sortValue, boolean descending) {
    for (int i = 1; i < users.size(); i++) {
      String a = key(sortValue.apply(users.get(i - 1)));
      String b = key(sortValue.apply(users.get(i)));
      int order = a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
      assertThat(descending ? -order : order)
          .as("%s then %s at %d", a, b, i)
          .isLessThanOrEqualTo(0);
    }
  }

  private static String key(String value) {
    return value == null ? null : CaseInsensitive.key(value);
  }
}
