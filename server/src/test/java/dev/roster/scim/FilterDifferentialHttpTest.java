package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.utils.FilterEvaluator;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter of a table, answered by the database over HTTP, against the SDK's in-memory {@link
 * FilterEvaluator} over the same resources as GET returns them (the oracle: it knows nothing of
 * SQL). A fixed data set of 40 users and 4 groups on a server of its own, on H2 and PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class FilterDifferentialHttpTest {
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String[] GIVEN = {"Ann", "Bob", "Cara", "Dan", "Eve", "Finn", "Gus"};
  private static final String[] FAMILY = {
    "Smith", "Jones", "O'Brien", "Müller", "Under_Score", "Fifty%Off", "van der Berg", "Ng"
  };
  private static final String[] CITY = {"Paris", "Berlin", "Hollywood"};
  private static final String[] COUNTRY = {"FR", "DE", "US"};
  private static final String[] DEPARTMENT = {"Sales", "R&D", "Ops"};

  private static TestServer server;
  private static ScimClient scim;
  private static final Map<String, String> names = new HashMap<>();
  private static List<JsonNode> users;
  private static List<JsonNode> groups;

  @Parameter Db db;

  @BeforeParameterizedClassInvocation
  static void load(Db db) {
    server = TestServer.start(db);
    scim = server.client();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = scim.createUser(user(i, ids.isEmpty() ? null : ids.get(0)));
      ids.add(id);
      names.put("user" + i, id);
    }
    names.put("user7prefix", ids.get(7).substring(0, 6));
    names.put("created20", scim.get("/Users/" + ids.get(20)).json().at("/meta/created").asText());
    String admins = scim.createGroup(group("Admins", ids.subList(0, 5)));
    names.put("admins", admins);
    names.put("everyone", scim.createGroup(group("Everyone", ids)));
    names.put(
        "nested",
        scim.createGroup(
            """
            {"displayName":"Nested","externalId":"grp-nested","members":[{"value":"%s"},{"value":"%s"}]}"""
                .formatted(admins, ids.get(10))));
    names.put("empty", scim.createGroup("{\"displayName\":\"empty set\"}"));
    users = all("/Users");
    groups = all("/Groups");
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  /** One user of the data set: attributes present or absent by simple rules on {@code i}. */
  private static String user(int i, String managerId) {
    StringBuilder json = new StringBuilder("{");
    json.append(field("userName", (i % 4 == 0 ? "User" : "user") + "%02d".formatted(i)));
    if (i % 2 == 0) {
      json.append(",").append(field("externalId", "ext-%02d".formatted(i)));
      json.append(",").append(field("displayName", GIVEN[i % 7] + " " + FAMILY[i % 8]));
    }
    json.append(",\"active\":").append(i % 9 != 0);
    json.append(",\"name\":{")
        .append(field("givenName", GIVEN[i % 7]))
        .append(",")
        .append(field("familyName", FAMILY[i % 8]));
    if (i % 5 == 0) {
      json.append(",").append(field("middleName", "M" + i));
    }
    json.append("}");
    if (i % 3 == 0) {
      json.append(",").append(field("title", "Engineer"));
    } else if (i % 3 == 1) {
      json.append(",").append(field("title", "Senior Engineer"));
    }
    json.append(",").append(field("userType", i % 2 == 0 ? "Employee" : "Contractor"));
    if (i % 4 == 2) {
      json.append(",").append(field("nickName", "nick" + i));
    }
    if (i % 6 == 0) {
      json.append(",").append(field("profileUrl", "https://profiles.example.com/u" + i));
    }
    List<String> emails = new ArrayList<>();
    if (i % 7 != 0) {
      emails.add(
          "{\"value\":\"user%02d@Example.com\",\"type\":\"work\",\"primary\":%s}"
              .formatted(i, i % 3 == 0));
    }
    if (i % 2 == 0) {
      emails.add("{\"value\":\"%02d@home.org\",\"type\":\"home\"}".formatted(i));
    }
    if (!emails.isEmpty()) {
      json.append(",\"emails\":[").append(String.join(",", emails)).append("]");
    }
    if (i % 4 == 0) {
      json.append(
          ",\"phoneNumbers\":[{\"value\":\"+1-555-01%02d\",\"type\":\"mobile\"}]".formatted(i));
    }
    if (i % 5 == 0) {
      json.append(",\"ims\":[{\"value\":\"im%d\",\"type\":\"xmpp\"}]".formatted(i));
    }
    if (i % 6 == 0) {
      json.append(
          ",\"photos\":[{\"value\":\"https://photos.example.com/%d.jpg\",\"type\":\"photo\"}]"
              .formatted(i));
    }
    if (i % 3 == 1) {
      json.append(
          ",\"addresses\":[{\"type\":\"work\",\"locality\":\"%s\",\"country\":\"%s\",\"postalCode\":\"%05d\",\"primary\":true}"
              .formatted(CITY[i % 3], COUNTRY[i % 3], 10000 + i));
      if (i % 2 == 1) {
        json.append(",{\"type\":\"home\",\"locality\":\"%s\"}".formatted(CITY[(i + 1) % 3]));
      }
      json.append("]");
    }
    if (i % 4 == 1) {
      json.append(",\"entitlements\":[{\"value\":\"reports:read\"}]");
    }
    List<String> roles = new ArrayList<>();
    if (i % 2 == 1) {
      roles.add("{\"value\":\"analyst\"}");
    }
    if (i % 5 == 2) {
      roles.add("{\"value\":\"admin\",\"primary\":true}");
    }
    if (!roles.isEmpty()) {
      json.append(",\"roles\":[").append(String.join(",", roles)).append("]");
    }
    if (i == 3) {
      json.append(",\"x509Certificates\":[{\"value\":\"MIIDQzCCAqygAwIBAgICEAAwDQYJ\"}]");
    }
    if (i % 2 == 0) {
      json.append(",\"").append(ENTERPRISE).append("\":{");
      json.append(field("employeeNumber", "E" + (1000 + i)));
      json.append(",").append(field("costCenter", i % 4 == 0 ? "CC1" : "CC2"));
      json.append(",").append(field("organization", "Acme"));
      json.append(",").append(field("department", DEPARTMENT[i % 3]));
      if (managerId != null && i % 3 == 0) {
        json.append(",\"manager\":{").append(field("value", managerId)).append("}");
      }
      json.append("}");
    }
    return json.append("}").toString();
  }

  private static String field(String name, String value) {
    return "\"" + name + "\":\"" + value.replace("\"", "\\\"") + "\"";
  }

  private static String group(String name, List<String> memberIds) {
    StringBuilder members = new StringBuilder();
    for (String id : memberIds) {
      members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    return "{\"displayName\":\"%s\",\"members\":[%s]}".formatted(name, members);
  }

  private static List<JsonNode> all(String endpoint) {
    JsonNode list = scim.get(endpoint + "?count=1000").expectStatus(200).json();
    List<JsonNode> resources = new ArrayList<>();
    list.get("Resources").forEach(resources::add);
    assertThat(resources).hasSize(list.get("totalResults").asInt());
    return resources;
  }

  static Stream<String> userFilters() {
    return Stream.of(
        "userName eq \"user01\"",
        "userName eq \"USER04\"",
        "userName ne \"user01\"",
        "userName sw \"user1\"",
        "userName ew \"9\"",
        "userName co \"R2\"",
        "userName gt \"user30\"",
        "userName ge \"user30\"",
        "userName lt \"user05\"",
        "userName le \"user05\"",
        "userName pr",
        "id eq \"{user7}\"",
        "id ne \"{user7}\"",
        "id sw \"{user7prefix}\"",
        "externalId eq \"ext-04\"",
        "externalId eq \"EXT-04\"",
        "externalId pr",
        "not (externalId pr)",
        "externalId sw \"ext-1\"",
        "displayName co \"smith\"",
        "displayName pr",
        "displayName lt \"C\"",
        "active eq true",
        "active eq false",
        "active ne true",
        "name pr",
        "name.givenName eq \"ann\"",
        "name.familyName eq \"o'brien\"",
        "name.familyName co \"_\"",
        "name.familyName co \"%\"",
        "name.familyName sw \"MÜ\"",
        "name.familyName gt \"n\"",
        "name.middleName pr",
        "not (name.middleName pr)",
        "name[givenName eq \"Bob\" and familyName eq \"Jones\"]",
        "title eq \"engineer\"",
        "title ne \"Engineer\"",
        "title co \"senior\"",
        "title pr",
        "title ge \"F\"",
        "userType eq \"employee\"",
        "nickName sw \"nick1\"",
        "profileUrl sw \"https://profiles.example.com/u1\"",
        "emails pr",
        "not (emails pr)",
        "emails.value eq \"user05@example.com\"",
        "emails.value co \"@home\"",
        "emails.value ew \".COM\"",
        "emails.value ne \"user05@example.com\"",
        "emails.type eq \"home\"",
        "emails.primary eq true",
        "emails.primary eq false",
        "emails[type eq \"work\" and value co \"1\"]",
        "emails[type eq \"work\" and primary eq true]",
        "emails[type eq \"home\" or primary eq true]",
        "emails[not (type eq \"work\")]",
        "emails[type ne \"work\"]",
        "emails[value pr]",
        "emails[type eq \"home\"] and not (emails[type eq \"work\"])",
        "phoneNumbers.value co \"555-010\"",
        "phoneNumbers[type eq \"mobile\"]",
        "ims.value eq \"IM10\"",
        "photos.value ew \"6.jpg\"",
        "addresses.locality eq \"paris\"",
        "addresses[type eq \"work\" and locality eq \"Berlin\"]",
        "addresses[type eq \"home\" and locality eq \"Berlin\"]",
        "addresses.postalCode gt \"10020\"",
        "addresses.country eq \"us\"",
        "addresses.primary eq true",
        "entitlements.value eq \"reports:read\"",
        "roles.value eq \"admin\"",
        "roles[value eq \"analyst\"] and roles[value eq \"admin\"]",
        "roles.primary eq true",
        "x509Certificates.value sw \"MIIDQz\"",
        "x509Certificates pr",
        "groups.value eq \"{admins}\"",
        "groups.display eq \"everyone\"",
        "groups[display eq \"Admins\"]",
        "not (groups.value eq \"{admins}\")",
        "groups.type eq \"direct\"",
        "groups pr",
        "meta.created gt \"{created20}\"",
        "meta.created le \"{created20}\"",
        "meta.lastModified ge \"2000-01-01T00:00:00Z\"",
        "meta.created lt \"2000-01-01T00:00:00Z\"",
        ENTERPRISE + ":employeeNumber eq \"E1010\"",
        ENTERPRISE + ":department eq \"r&d\"",
        ENTERPRISE + ":costCenter ne \"CC1\"",
        ENTERPRISE + ":organization pr",
        ENTERPRISE + ":manager.value eq \"{user0}\"",
        ENTERPRISE + ":manager pr",
        // The evaluator looks names up in JSON as written; the server resolves them as RFC 7643
        // §2.1 says (any case, optional core URN). " ==> " gives the oracle the canonical form.
        "urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"USER0\" ==> userName sw \"USER0\"",
        "(title eq \"Engineer\" or title eq \"Senior Engineer\") and active eq false",
        "title eq \"Engineer\" or title eq \"Senior Engineer\" and active eq false",
        "not (not (active eq true)) and userType eq \"Contractor\"",
        "not (title eq \"Engineer\" or emails pr)",
        "EMAILS.VALUE co \"example\" and NAME.GIVENNAME eq \"eve\""
            + " ==> emails.value co \"example\" and name.givenName eq \"eve\"");
  }

  static Stream<String> groupFilters() {
    return Stream.of(
        "displayName eq \"admins\"",
        "displayName sw \"E\"",
        "displayName gt \"F\"",
        "externalId eq \"grp-nested\"",
        "externalId pr",
        "members pr",
        "not (members pr)",
        "members.value eq \"{user3}\"",
        "members.value eq \"{admins}\"",
        "members.value sw \"{user7prefix}\"",
        "members.type eq \"Group\"",
        "members.display co \"anN\"",
        "members[type eq \"User\" and value eq \"{user10}\"]",
        "members.value ne \"{user3}\"",
        "id eq \"{empty}\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("userFilters")
  void usersMatchTheEvaluator(String filter) throws Exception {
    compare("/Users", ScimResourceType.USER, users, filter);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("groupFilters")
  void groupsMatchTheEvaluator(String filter) throws Exception {
    compare("/Groups", ScimResourceType.GROUP, groups, filter);
  }

  private void compare(String endpoint, ScimResourceType type, List<JsonNode> all, String filter)
      throws Exception {
    String concrete = filter;
    for (Map.Entry<String, String> name : names.entrySet()) {
      concrete = concrete.replace("{" + name.getKey() + "}", name.getValue());
    }
    assertThat(concrete).as("every placeholder filled in").doesNotContain("{");
    String[] asked = concrete.split(" ==> ");
    concrete = asked[0];
    Filter parsed = Filter.fromString(asked[asked.length - 1]);
    SchemaAwareEvaluator oracle = new SchemaAwareEvaluator(type);
    Set<String> expected = new TreeSet<>();
    for (JsonNode resource : all) {
      if (parsed.visit(oracle, resource)) {
        expected.add(resource.get("id").asText());
      }
    }
    JsonNode answer =
        scim.get(endpoint + "?count=1000&filter=" + ScimClient.encode(concrete))
            .expectStatus(200)
            .json();
    Set<String> actual = new TreeSet<>();
    answer.get("Resources").forEach(r -> actual.add(r.get("id").asText()));
    assertThat(actual).as("%s on %s", filter, db).isEqualTo(expected);
    assertThat(answer.get("totalResults").asInt()).isEqualTo(expected.size());
  }

  /** The SDK's evaluator, told each attribute's definition by Roster's schema (for caseExact). */
  private static final class SchemaAwareEvaluator extends FilterEvaluator {
    private final ScimResourceType type;

    SchemaAwareEvaluator(ScimResourceType type) {
      this.type = type;
    }

    @Override
    protected AttributeDefinition getAttributeDefinition(Path path) {
      return AttributePaths.resolve(type, path).map(AttributePath::definition).orElse(null);
    }
  }
}
