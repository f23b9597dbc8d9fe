package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;

/** Parsing JSON in tests. */
public final class Json {
  private Json() {}

  public static JsonNode parse(String json) {
    return ScimClient.parse(json);
  }
}
