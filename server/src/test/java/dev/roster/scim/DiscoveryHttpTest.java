package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.testing.Db;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The discovery endpoints (RFC 7644 §4) over HTTP against the real server, on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Db.class)
class DiscoveryHttpTest {
  private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
  private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String ENTERPRISE =
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String SERVICE_PROVIDER_CONFIG =
      "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
  private static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
  private static final String RESOURCE_TYPE = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
  private static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  private static final List<String> DISCOVERY_PATHS =
      List.of("/Schemas", "/ResourceTypes", "/ServiceProviderConfig");

  private final ScimClient scim;

  DiscoveryHttpTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  private JsonNode getJson(String path) {
    return scim.get(path).expectStatus(200).json();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  /** The attribute (or sub-attribute) called {@code name} in a schema's or attribute's list. */
  private static JsonNode attribute(JsonNode parent, String name) {
    String list = parent.has("attributes") ? "attributes" : "subAttributes";
    return StreamSupport.stream(parent.path(list).spliterator(), false)
        .filter(a -> a.path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no attribute " + name + " in " + parent));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/ServiceProviderConfig",
        "/Schemas",
        "/ResourceTypes",
        "/Schemas/" + USER,
        "/Schemas/" + ENTERPRISE,
        "/Schemas/" + GROUP,
        "/ResourceTypes/User",
        "/ResourceTypes/Group"
      })
  void everyDiscoveryResponseIsScimJson(String path) {
    assertThat(scim.get(path).expectStatus(200).header("Content-Type"))
        .startsWith("application/scim+json");
  }

  @Test
  void serviceProviderConfigAdvertisesItsLimitsAndSchemes() {
    JsonNode config = getJson("/ServiceProviderConfig");
    assertThat(texts(config.get("schemas"))).containsExactly(SERVICE_PROVIDER_CONFIG);
    assertThat(config.at("/bulk/maxOperations").isInt())
        .as("bulk.maxOperations in %s", config)
        .isTrue();
    assertThat(config.at("/bulk/maxPayloadSize").isInt())
        .as("bulk.maxPayloadSize in %s", config)
        .isTrue();
    assertThat(config.at("/filter/maxResults").asInt()).isEqualTo(1000);
    assertThat(config.get("documentationUri").asText()).isNotBlank();
    assertThat(config.get("authenticationSchemes"))
        .isNotEmpty()
        .allSatisfy(
            scheme -> {
              assertThat(scheme.path("type").asText()).isNotBlank();
              assertThat(scheme.path("description").asText()).isNotBlank();
            });
  }

  @Test
  void documentationUriAnswersWithoutAToken() throws Exception {
    URI docs = URI.create(getJson("/ServiceProviderConfig").get("documentationUri").asText());
    assertThat(docs.isAbsolute()).as("documentationUri %s is absolute", docs).isTrue();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(docs).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", docs).isEqualTo(200);
    assertThat(response.body()).isNotBlank();
  }

  @ParameterizedTest
  @CsvSource({
    "/Schemas,       urn:ietf:params:scim:schemas:core:2.0:Schema,       5",
    "/ResourceTypes, urn:ietf:params:scim:schemas:core:2.0:ResourceType, 2"
  })
  void listEndpointsAnswerListResponsesOfSelfDescribingItems(
      String path, String itemSchema, int count) {
    JsonNode list = getJson(path);
    assertThat(texts(list.get("schemas"))).containsExactly(LIST_RESPONSE);
    assertThat(list.get("totalResults").asInt()).isEqualTo(count);
    assertThat(list.get("Resources"))
        .hasSize(count)
        .allSatisfy(item -> assertThat(texts(item.get("schemas"))).containsExactly(itemSchema));
  }

  @Test
  void schemasListsUserEnterpriseGroupAndRostersExtensions() {
    JsonNode list = getJson("/Schemas");
    assertThat(list.get("Resources"))
        .extracting(item -> item.get("id").asText())
        .containsExactlyInAnyOrder(
            USER,
            ENTERPRISE,
            "urn:roster:scim:extension:2.0:User",
            GROUP,
            "urn:roster:scim:extension:2.0:Group");
  }

  @Test
  void userSchemaCarriesRealAttributeDefinitions() {
    JsonNode schema = getJson("/Schemas/" + USER);
    assertThat(schema.get("id").asText()).isEqualTo(USER);
    assertThat(texts(schema.get("schemas"))).containsExactly(SCHEMA);
    JsonNode userName = attribute(schema, "userName");
    assertThat(userName.get("type").asText()).isEqualTo("string");
    assertThat(userName.get("required").asBoolean()).isTrue();
    assertThat(userName.get("caseExact").asBoolean()).isFalse();
    assertThat(userName.get("uniqueness").asText()).isEqualTo("server");
    assertThat(userName.get("mutability").asText()).isEqualTo("readWrite");
    assertThat(userName.get("returned").asText()).isEqualTo("default");
    JsonNode password = attribute(schema, "password");
    assertThat(password.get("returned").asText()).isEqualTo("never");
    assertThat(password.get("mutability").asText()).isEqualTo("writeOnly");
    assertThat(attribute(schema, "groups").get("mutability").asText()).isEqualTo("readOnly");
  }

  @Test
  void groupSchemaMakesMemberValuesImmutable() {
    JsonNode schema = getJson("/Schemas/" + GROUP);
    assertThat(schema.get("id").asText()).isEqualTo(GROUP);
    JsonNode members = attribute(schema, "members");
    assertThat(members.get("multiValued").asBoolean()).isTrue();
    assertThat(attribute(members, "value").get("mutability").asText()).isEqualTo("immutable");
  }

  @Test
  void enterpriseExtensionSchemaIsServed() {
    JsonNode schema = getJson("/Schemas/" + ENTERPRISE);
    assertThat(schema.get("id").asText()).isEqualTo(ENTERPRISE);
    assertThat(texts(schema.get("schemas"))).containsExactly(SCHEMA);
    assertThat(schema.get("attributes"))
        .extracting(a -> a.get("name").asText())
        .contains(
            "employeeNumber", "costCenter", "organization", "division", "department", "manager");
    assertThat(attribute(attribute(schema, "manager"), "displayName").get("mutability").asText())
        .isEqualTo("readOnly");
  }

  @Test
  void unknownSchemaIs404ScimError() {
    scim.get("/Schemas/urn:example:no:such:schema").expectError(404, null);
  }

  @Test
  void unknownResourceTypeIs404ScimError() {
    scim.get("/ResourceTypes/Printer").expectError(404, null);
  }

  @Test
  void userResourceTypeNamesItsEndpointSchemaAndOptionalEnterpriseExtension() {
    JsonNode type = getJson("/ResourceTypes/User");
    assertThat(texts(type.get("schemas"))).containsExactly(RESOURCE_TYPE);
    assertThat(type.get("name").asText()).isEqualTo("User");
    assertThat(type.get("endpoint").asText()).isEqualTo("/Users");
    assertThat(type.get("schema").asText()).isEqualTo(USER);
    assertThat(type.get("schemaExtensions")).hasSize(2);
    assertThat(type.at("/schemaExtensions/0/schema").asText()).isEqualTo(ENTERPRISE);
    assertThat(type.at("/schemaExtensions/0/required").isBoolean()).isTrue();
    assertThat(type.at("/schemaExtensions/0/required").asBoolean()).isFalse();
    assertThat(type.at("/schemaExtensions/1/schema").asText())
        .isEqualTo("urn:roster:scim:extension:2.0:User");
    assertThat(type.at("/schemaExtensions/1/required").asBoolean()).isFalse();
  }

  @Test
  void groupResourceTypeNamesItsEndpointSchemaAndRostersExtension() {
    JsonNode type = getJson("/ResourceTypes/Group");
    assertThat(texts(type.get("schemas"))).containsExactly(RESOURCE_TYPE);
    assertThat(type.get("name").asText()).isEqualTo("Group");
    assertThat(type.get("endpoint").asText()).isEqualTo("/Groups");
    assertThat(type.get("schema").asText()).isEqualTo(GROUP);
    assertThat(type.at("/schemaExtensions/0/schema").asText())
        .isEqualTo("urn:roster:scim:extension:2.0:Group");
  }

  static Stream<Arguments> writeMethodsOnDiscoveryPaths() {
    List<Arguments> rows = new ArrayList<>();
    for (String path : DISCOVERY_PATHS) {
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
        rows.add(Arguments.of(method, path));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("writeMethodsOnDiscoveryPaths")
  void discoveryIsReadOnly(String method, String path) {
    scim.method(method, path, "{}").expectError(405, null);
  }
}
