package dev.roster.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** An HTTP response: status, headers and the body, parsed on demand. */
public record Reply(int status, HttpHeaders headers, String body) {
  public JsonNode json() {
    return ScimClient.parse(body);
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public Reply expectStatus(int expected) {
    assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
    return this;
  }

  /** Asserts a SCIM error (RFC 7644 §3.12) with this status and scimType (null for none). */
  public Reply expectError(int expectedStatus, String scimType) {
    expectStatus(expectedStatus);
    assertThat(header("Content-Type")).startsWith("application/scim+json");
    JsonNode error = json();
    assertThat(error.path("schemas").get(0).asText())
        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    assertThat(error.path("status").isTextual()).as("status is a string").isTrue();
    assertThat(error.path("status").asText()).isEqualTo(String.valueOf(expectedStatus));
    assertThat(error.path("detail").asText()).isNotBlank();
    if (scimType == null) {
      assertThat(error.has("scimType")).as("no scimType in %s", body).isFalse();
    } else {
      assertThat(error.path("scimType").asText()).isEqualTo(scimType);
    }
    return this;
  }

  public String detail() {
    return json().path("detail").asText();
  }
}
