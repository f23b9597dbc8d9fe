package dev.roster.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parsing JSON in tests. */
public final class Json {
  private Json() {}

  public static JsonNode parse(String json) {
    return ScimClient.parse(json);
  }

  /** The ids in a group resource's {@code members}, in the order given. */
  public static List<String> memberIds(JsonNode group) {
    List<String> ids = new ArrayList<>();
    group.path("members").forEach(m -> ids.add(m.get("value").asText()));
    return ids;
  }
}
