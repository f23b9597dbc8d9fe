package dev.roster.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays what identity providers send, from the fixture files under {@code
 * src/test/resources/idp/}, against the real server on H2 and on PostgreSQL. Each step is one
 * request with the status and the parts of the answer it must get; the steps of a file run in order
 * and share variables ({@code ${name}}: {@code ${run}} is unique per replay, {@code save} takes
 * others from answers).
 *
 * <p>A step's {@code expect} is a part of the answer's JSON: every member it names must be there
 * with that value; an array in it must have each of its elements somewhere in the answer's array.
 * {@code sizes} counts arrays by JSON pointer ({@code 0} also passes when the array is absent);
 * {@code absent} lists pointers that must not be there. {@code saveHeaders} keeps response headers
 * (an {@code ETag}) as variables.
 */
@ParameterizedClass
@EnumSource(Db.class)
class IdpReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
  private static final List<String> FIXTURES =
      List.of(
          "okta-users.json",
          "okta-groups.json",
          "entra-users.json",
          "entra-groups.json",
          "entra-test-collection.json",
          "rfc7644-examples.json");

  private final ScimClient scim;

  IdpReplayTest(Db db) {
    this.scim = TestServer.shared(db).client();
  }

  @TestFactory
  Stream<DynamicContainer> identityProvidersAreUnderstood() {
    return FIXTURES.stream().map(this::replay);
  }

  private DynamicContainer replay(String file) {
    JsonNode fixture = load(file);
    Map<String, String> variables = new HashMap<>();
    variables.put("run", UUID.randomUUID().toString().substring(0, 8));
    List<DynamicTest> steps = new ArrayList<>();
    int number = 1;
    for (JsonNode step : fixture.get("steps")) {
      String name = number++ + ". " + step.get("name").asText();
      steps.add(DynamicTest.dynamicTest(name, () -> run(step, variables)));
    }
    return DynamicContainer.dynamicContainer(
        fixture.get("client").asText() + ": " + file, steps.stream());
  }

  private void run(JsonNode step, Map<String, String> variables) {
    JsonNode request = step.get("request");
    String method = request.get("method").asText();
    String path = substitute(request.get("path").asText(), variables) + query(request, variables);
    String body =
        request.has("body") ? substituteInJson(request.get("body").toString(), variables) : null;
    Map<String, String> headers = new HashMap<>();
    request
        .path("headers")
        .fields()
        .forEachRemaining(
            h -> headers.put(h.getKey(), substitute(h.getValue().asText(), variables)));
    Reply reply = scim.send(method, path, body, headers);
    reply.expectStatus(step.get("status").asInt());
    step.path("headers")
        .fields()
        .forEachRemaining(
            header ->
                assertThat(reply.header(header.getKey()))
                    .as("header %s", header.getKey())
                    .isEqualTo(substitute(header.getValue().asText(), variables)));
    if (step.has("expect")) {
      contains(reply.json(), parse(substituteInJson(step.get("expect").toString(), variables)), "");
    }
    step.path("sizes")
        .fields()
        .forEachRemaining(
            size ->
                assertThat(reply.json().at(size.getKey()).size())
                    .as("size of %s in %s", size.getKey(), reply.body())
                    .isEqualTo(size.getValue().asInt()));
    for (JsonNode pointer : step.path("absent")) {
      assertThat(reply.json().at(pointer.asText()).isMissingNode())
          .as("%s absent from %s", pointer.asText(), reply.body())
          .isTrue();
    }
    step.path("save")
        .fields()
        .forEachRemaining(
            save ->
                variables.put(save.getKey(), reply.json().at(save.getValue().asText()).asText()));
    step.path("saveHeaders")
        .fields()
        .forEachRemaining(
            save -> variables.put(save.getKey(), reply.header(save.getValue().asText())));
  }

  /** The query parameters, encoded as a client would send them. */
  private static String query(JsonNode request, Map<String, String> variables) {
    List<String> parameters = new ArrayList<>();
    request
        .path("query")
        .fields()
        .forEachRemaining(
            p ->
                parameters.add(
                    p.getKey()
                        + "="
                        + ScimClient.encode(substitute(p.getValue().asText(), variables))));
    return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
  }

  /**
   * Every member of {@code expected} is in {@code actual}; arrays match element-wise, unordered.
   */
  private static void contains(JsonNode actual, JsonNode expected, String where) {
    if (expected.isObject()) {
      assertThat(actual.isObject()).as("%s is an object: %s", where, actual).isTrue();
      Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        assertThat(actual.has(field.getKey()))
            .as("%s/%s in %s", where, field.getKey(), actual)
            .isTrue();
        contains(actual.get(field.getKey()), field.getValue(), where + "/" + field.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual.isArray()).as("%s is an array: %s", where, actual).isTrue();
      for (JsonNode element : expected) {
        boolean found = false;
        for (JsonNode candidate : actual) {
          found |= matches(candidate, element);
        }
        assertThat(found).as("%s has an element like %s: %s", where, element, actual).isTrue();
      }
    } else {
      assertThat(actual).as(where).isEqualTo(expected);
    }
  }

  private static boolean matches(JsonNode actual, JsonNode expected) {
    try {
      contains(actual, expected, "");
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  /** Substitutes inside JSON strings: a value such as an ETag ({@code W/"3"}) is escaped. */
  private static String substituteInJson(String json, Map<String, String> variables) {
    Map<String, String> escaped = new HashMap<>();
    variables.forEach(
        (name, value) ->
            escaped.put(
                name, value == null ? null : value.replace("\\", "\\\\").replace("\"", "\\\"")));
    return substitute(json, escaped);
  }

  private static String substitute(String text, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = variables.get(matcher.group(1));
      assertThat(value)
          .as("variable ${%s} is set by an earlier step", matcher.group(1))
          .isNotNull();
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode load(String file) {
    try (InputStream in = IdpReplayTest.class.getResourceAsStream("/idp/" + file)) {
      assertThat(in).as("fixture idp/%s", file).isNotNull();
      JsonNode fixture = JSON.readTree(in);
      assertThat(fixture).isInstanceOf(ObjectNode.class);
      return fixture;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
