package dev.roster.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas as clients see them at /Schemas: checked on the serialized JSON, not SDK objects. */
class ScimSchemasTest {

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          User           | userName            | type=string required=true caseExact=false mutability=readWrite returned=default uniqueness=server
          User           | name                | type=complex multiValued=false
          User           | name.givenName      | type=string caseExact=false
          User           | profileUrl          | type=reference caseExact=true
          User           | active              | type=boolean required=false
          User           | password            | type=string mutability=writeOnly returned=never
          User           | emails              | type=complex multiValued=true required=false
          User           | emails.value        | type=string caseExact=false
          User           | emails.primary      | type=boolean
          User           | photos.value        | type=reference caseExact=true
          User           | addresses           | type=complex multiValued=true
          User           | addresses.primary   | type=boolean
          User           | groups              | multiValued=true mutability=readOnly
          User           | groups.value        | mutability=readOnly
          User           | groups.$ref         | type=reference caseExact=true mutability=readOnly
          User           | groups.display      | mutability=readOnly
          User           | groups.type         | mutability=readOnly
          User           | x509Certificates    | multiValued=true
          User           | x509Certificates.value | type=binary caseExact=true
          EnterpriseUser | employeeNumber      | type=string mutability=readWrite
          EnterpriseUser | manager             | type=complex multiValued=false
          EnterpriseUser | manager.value       | type=string required=false mutability=readWrite
          EnterpriseUser | manager.$ref        | type=reference caseExact=true
          EnterpriseUser | manager.displayName | mutability=readOnly
          Group          | displayName         | type=string required=true caseExact=false uniqueness=server
          Group          | members             | type=complex multiValued=true mutability=readWrite
          Group          | members.value       | mutability=immutable
          Group          | members.$ref        | type=reference mutability=immutable
          Group          | members.display     | mutability=readOnly
          Group          | members.type        | mutability=immutable
          """)
  void attributeHasCharacteristics(String schemaName, String path, String expected) {
    assertCharacteristics(attribute(schemaName, path), path, expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          User  | emails.type       | work home other
          User  | phoneNumbers.type | work home mobile fax pager other
          User  | ims.type          | aim gtalk icq xmpp msn skype qq yahoo
          User  | photos.type       | photo thumbnail
          User  | addresses.type    | work home other
          User  | groups.type       | direct indirect
          Group | members.type      | User Group
          """)
  void typeHasCanonicalValues(String schemaName, String path, String expected) {
    // In any order: the SDK's builder keeps canonical values and reference types in a HashSet.
    assertThat(texts(attribute(schemaName, path).path("canonicalValues")))
        .containsExactlyInAnyOrder(expected.split(" "));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          User           | profileUrl   | external
          User           | photos.value | external
          User           | groups.$ref  | User Group
          EnterpriseUser | manager.$ref | User
          Group          | members.$ref | User Group
          """)
  void referenceHasReferenceTypes(String schemaName, String path, String expected) {
    assertThat(texts(attribute(schemaName, path).path("referenceTypes")))
        .containsExactlyInAnyOrder(expected.split(" "));
  }

  @Test
  void userAttributesAreInRfcOrder() {
    assertThat(names(ScimSchemas.USER))
        .containsExactly(
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
            "password",
            "emails",
            "phoneNumbers",
            "ims",
            "photos",
            "addresses",
            "groups",
            "entitlements",
            "roles",
            "x509Certificates");
  }

  @Test
  void multiValuedSubAttributesAreInRfcOrder() {
    assertThat(names(attribute("User", "emails").path("subAttributes")))
        .containsExactly("value", "display", "type", "primary");
    assertThat(names(attribute("User", "addresses").path("subAttributes")))
        .containsExactly(
            "formatted",
            "streetAddress",
            "locality",
            "region",
            "postalCode",
            "country",
            "type",
            "primary");
  }

  @Test
  void enterpriseAndGroupAttributesAreInRfcOrder() {
    assertThat(names(ScimSchemas.ENTERPRISE_USER))
        .containsExactly(
            "employeeNumber", "costCenter", "organization", "division", "department", "manager");
    assertThat(names(ScimSchemas.GROUP)).containsExactly("displayName", "members");
  }

  @Test
  void onlyUserNameGroupDisplayNameAndRosterKeysAreRequired() {
    List<String> required = new ArrayList<>();
    for (SchemaResource schema : ScimSchemas.all()) {
      collectRequired(schema.getName(), JsonUtils.valueToNode(schema).path("attributes"), required);
    }

    // The keys and names of Roster's key/value lists are required within each element.
    assertThat(required)
        .containsExactly(
            "User.userName",
            "RosterUser.userProperties.key",
            "RosterUser.adminProperties.key",
            "RosterUser.preferences.key",
            "RosterUser.secrets.name",
            "RosterUser.credentials.name",
            "Group.displayName");
  }

  @Test
  void commonAttributesAreNotInAnySchema() {
    for (SchemaResource schema : ScimSchemas.all()) {
      assertThat(names(schema)).doesNotContain("id", "externalId", "meta", "schemas");
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          id                | type=string caseExact=true mutability=readOnly returned=always uniqueness=server
          externalId        | type=string caseExact=true mutability=readWrite
          meta              | type=complex mutability=readOnly
          meta.resourceType | type=string mutability=readOnly
          meta.created      | type=dateTime mutability=readOnly
          meta.lastModified | type=dateTime mutability=readOnly
          meta.location     | type=reference mutability=readOnly
          meta.version      | type=string mutability=readOnly
          """)
  void commonAttributeHasCharacteristics(String path, String expected) {
    assertCharacteristics(find(JsonUtils.valueToNode(ScimSchemas.common()), path), path, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          User           | urn:ietf:params:scim:schemas:core:2.0:User
          EnterpriseUser | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User
          Group          | urn:ietf:params:scim:schemas:core:2.0:Group
          """)
  void schemaIsServedWithIdNameAndMeta(String name, String urn) {
    JsonNode schema = JsonUtils.valueToNode(ScimSchemas.byId(urn).orElseThrow());

    assertThat(schema.path("id").asText()).isEqualTo(urn);
    assertThat(schema.path("name").asText()).isEqualTo(name);
    assertThat(schema.path("description").asText()).isNotBlank();
    assertThat(schema.path("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:Schema");
    assertThat(schema.path("meta").path("resourceType").asText()).isEqualTo("Schema");
    assertThat(schema.path("meta").path("location").asText()).isEqualTo("/scim/v2/Schemas/" + urn);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:USER",
        "urn:ietf:params:scim:schemas:core:2.0:user"
      })
  void byIdIgnoresCase(String urn) {
    assertThat(ScimSchemas.byId(urn)).containsSame(ScimSchemas.USER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "User", "urn:ietf:params:scim:schemas:core:2.0:Users"})
  void byIdFindsNothingForUnknownIds(String urn) {
    assertThat(ScimSchemas.byId(urn)).isEmpty();
  }

  @Test
  void byIdFindsNothingForNull() {
    assertThat(ScimSchemas.byId(null)).isEmpty();
  }

  @Test
  void allListsUserEnterpriseUserRosterUserGroupRosterGroup() {
    assertThat(ScimSchemas.all())
        .containsExactly(
            ScimSchemas.USER,
            ScimSchemas.ENTERPRISE_USER,
            ScimSchemas.ROSTER_USER,
            ScimSchemas.GROUP,
            ScimSchemas.ROSTER_GROUP);
  }

  /** {@code expected}: space-separated {@code characteristic=value} pairs, spelled as in JSON. */
  private static void assertCharacteristics(JsonNode attribute, String path, String expected) {
    for (String pair : expected.trim().split("\\s+")) {
      String[] keyValue = pair.split("=", 2);
      assertThat(attribute.path(keyValue[0]).asText())
          .as("%s.%s", path, keyValue[0])
          .isEqualTo(keyValue[1]);
    }
  }

  private static JsonNode attribute(String schemaName, String path) {
    SchemaResource schema =
        ScimSchemas.all().stream()
            .filter(s -> s.getName().equals(schemaName))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no schema named " + schemaName));
    return find(JsonUtils.valueToNode(schema).path("attributes"), path);
  }

  /** Walks a dotted path such as {@code "groups.$ref"} down through {@code subAttributes}. */
  private static JsonNode find(JsonNode attributes, String path) {
    JsonNode current = null;
    for (String name : path.split("\\.")) {
      JsonNode candidates = current == null ? attributes : current.path("subAttributes");
      current = null;
      for (JsonNode candidate : candidates) {
        if (candidate.path("name").asText().equals(name)) {
          current = candidate;
        }
      }
      assertThat(current).as("attribute " + path).isNotNull();
    }
    return current;
  }

  private static void collectRequired(String prefix, JsonNode attributes, List<String> out) {
    for (JsonNode attribute : attributes) {
      String path = prefix + "." + attribute.path("name").asText();
      if (attribute.path("required").asBoolean()) {
        out.add(path);
      }
      collectRequired(path, attribute.path("subAttributes"), out);
    }
  }

  private static List<String> names(SchemaResource schema) {
    return names(JsonUtils.valueToNode(schema).path("attributes"));
  }

  private static List<String> names(JsonNode attributes) {
    List<String> names = new ArrayList<>();
    attributes.forEach(attribute -> names.add(attribute.path("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(value -> texts.add(value.asText()));
    return texts;
  }
}
