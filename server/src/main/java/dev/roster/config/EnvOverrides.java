package dev.roster.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Environment variables that replace settings, for containers and for secrets kept out of files.
 *
 * <p>The rule is mechanical so nobody has to maintain a list: every leaf of the defaults tree can
 * be set by {@code ROSTER_} + its path in UPPER_SNAKE ({@code db.maxPoolSize} ← {@code
 * ROSTER_DB_MAX_POOL_SIZE}). Values stay text; binding converts and reports bad numbers. Lists are
 * skipped: their elements have no defaults to derive names from.
 */
final class EnvOverrides {

  private static final String PREFIX = "ROSTER";

  private EnvOverrides() {}

  /**
   * The variable that sets the key at {@code path}, e.g. {@code ROSTER_HTTP_PORT} for {@code
   * http.port}.
   */
  static String variableFor(String path) {
    StringBuilder name = new StringBuilder(PREFIX);
    for (String segment : path.split("\\.")) {
      name.append('_').append(upperSnake(segment));
    }
    return name.toString();
  }

  /**
   * Writes into {@code tree} every override present in {@code env}.
   *
   * @return which variable set which key path, so errors can name the variable
   */
  static Map<String, String> apply(ObjectNode defaults, ObjectNode tree, Map<String, String> env) {
    Map<String, String> applied = new LinkedHashMap<>();
    apply(defaults, tree, "", env, applied);
    return applied;
  }

  private static void apply(
      ObjectNode defaults,
      ObjectNode tree,
      String prefix,
      Map<String, String> env,
      Map<String, String> applied) {
    defaults
        .properties()
        .forEach(
            entry -> {
              String key = entry.getKey();
              String path = prefix + key;
              JsonNode defaultValue = entry.getValue();
              if (defaultValue.isObject()) {
                // When the file replaced a section with a scalar, binding reports that; nothing to
                // descend into.
                if (tree.get(key) instanceof ObjectNode section) {
                  apply((ObjectNode) defaultValue, section, path + ".", env, applied);
                }
              } else if (!defaultValue.isArray()) {
                String variable = variableFor(path);
                String value = env.get(variable);
                if (value != null) {
                  tree.set(key, TextNode.valueOf(value));
                  applied.put(path, variable);
                }
              }
            });
  }

  private static String upperSnake(String camelCase) {
    return camelCase
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
  }
}
