package dev.roster.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.domain.Invalid;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input → canonical resource, and input → the attribute an error names. */
class ResourceReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ResourceReader USERS = new ResourceReader(ScimResourceType.USER);

  private static JsonNode read(String json) throws Exception {
    return USERS.read(JSON.readTree(json));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {"USERNAME":"a"}                                        | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}
      {"userName":"a","id":"x","meta":{"version":"1"}}        | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}
      {"userName":"a","groups":[{"value":"g"}]}               | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}
      {"userName":"a","active":"False"}                       | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","active":false}
      {"userName":"a","nickName":null}                        | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}
      {"urn:ietf:params:scim:schemas:core:2.0:User:userName":"a"} | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a"}
      {"userName":"a","Name":{"GIVENNAME":"Ann"}}             | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"a","name":{"givenName":"Ann"}}
      {"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:user":{"EmployeeNumber":7}} | {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7"}}
      """)
  void readsIntoCanonicalForm(String input, String expected) throws Exception {
    assertThat(read(input)).isEqualTo(JSON.readTree(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      {}                                                   | userName: is required
      {"userName":"  "}                                    | userName: is required
      {"userName":"a","active":"yes"}                      | active: must be true or false
      {"userName":"a","emails":"a@b.c"}                    | emails: is multi-valued
      {"userName":"a","emails":[{"value":{}}]}             | emails[0].value: must be a string
      {"userName":"a","name":[]}                           | name: is single-valued
      {"userName":"a","x509Certificates":[{"value":"*"}]}  | x509Certificates[0].value: must be base64
      {"userName":"a","shoeSize":44}                       | shoeSize: is not an attribute
      {"userName":"a","name":{"nick":"x"}}                 | name.nick: is not an attribute
      {"userName":"a","schemas":["urn:example:unknown"]}   | schemas: 'urn:example:unknown' is not a schema
      {"userName":"a","urn:example:ext":{}}                | urn:example:ext: is not a schema extension
      {"userName":"a","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":[]} | must be a JSON object
      """)
  void refusesNamingTheAttribute(String input, String message) {
    assertThatThrownBy(() -> read(input)).isInstanceOf(Invalid.class).hasMessageContaining(message);
  }
}
