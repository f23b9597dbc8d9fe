package dev.roster.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a tree whose scalars are the text exactly as written.
 *
 * <p>Why text: YAML would turn {@code password: 0123} into the number 123 and lose the secret's
 * leading zero. Keeping the text lets binding convert only where a record asks for a number, and
 * puts file values and environment values (always text) on the same footing.
 */
final class YamlTreeReader {

  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTreeReader() {}

  /**
   * @param source names the input in error messages (a file path or resource name)
   * @return the document's top-level mapping; empty for an empty document
   */
  static ObjectNode read(InputStream in, String source) {
    try (JsonParser parser = YAML.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return NODES.objectNode();
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigException(source + ": the top level must be a mapping of keys");
      }
      ObjectNode root = readObject(parser, source);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            at(source, parser.currentTokenLocation()) + "only one YAML document is allowed");
      }
      return root;
    } catch (JacksonException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw new ConfigException(
          source + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static JsonNode readValue(JsonParser parser, String source) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> readObject(parser, source);
      case START_ARRAY -> readArray(parser, source);
      case VALUE_NULL -> NODES.nullNode();
      default -> NODES.textNode(parser.getText());
    };
  }

  private static ObjectNode readObject(JsonParser parser, String source) throws IOException {
    ObjectNode object = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonLocation keyLocation = parser.currentTokenLocation();
      parser.nextToken();
      // SnakeYAML keeps the last of two equal keys; a silently ignored setting is worse than a
      // refusal.
      if (object.replace(name, readValue(parser, source)) != null) {
        throw new ConfigException(at(source, keyLocation) + "duplicate key " + name);
      }
    }
    return object;
  }

  private static ArrayNode readArray(JsonParser parser, String source) throws IOException {
    ArrayNode array = NODES.arrayNode();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      array.add(readValue(parser, source));
    }
    return array;
  }

  /**
   * Only SnakeYAML's one-line "problem" is kept, and the cause is dropped: its context lines quote
   * the file, secrets included, and stack traces get logged.
   */
  private static ConfigException syntaxError(String source, JacksonException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
        int line = marked.getProblemMark().getLine() + 1;
        return new ConfigException(
            source + ":" + line + ": invalid YAML: " + oneLine(marked.getProblem()));
      }
    }
    return new ConfigException(at(source, e.getLocation()) + "invalid YAML");
  }

  private static String at(String source, JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? source + ": "
        : source + ":" + location.getLineNr() + ": ";
  }

  private static String oneLine(String text) {
    return text == null ? "syntax error" : text.replaceAll("\\s+", " ").strip();
  }
}
