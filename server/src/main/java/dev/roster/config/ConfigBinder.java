package dev.roster.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns the merged settings tree into the record tree, and Jackson's errors into one-line messages
 * that name the key path. Jackson's own messages are never passed on: they quote the rejected
 * value, which may be a secret.
 */
final class ConfigBinder {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // 8080.9 silently becoming 8080 hides a typo.
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .build();

  private ConfigBinder() {}

  static <T> T bind(JsonNode tree, Class<T> type, KeyLabels labels) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (InvalidDefinitionException e) {
      throw new IllegalStateException("configuration type cannot be bound: " + type.getName(), e);
    } catch (JsonMappingException e) {
      String path = pathOf(e.getPath());
      throw new ConfigException(
          labels.label(path) + ": " + problem(e, tree.at(pointerOf(e.getPath()))));
    } catch (IOException e) {
      throw new IllegalStateException("reading an in-memory tree failed", e);
    }
  }

  private static String problem(JsonMappingException e, JsonNode value) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown key" + expected(unknown.getKnownPropertyIds());
    }
    // "port:" with nothing after it reads as empty text; only a text setting may be empty.
    if (value.isNull() || value.isTextual() && value.asText().isBlank()) {
      return "must not be empty";
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> target = mismatch.getTargetType();
      // The rejected value is quoted only for numbers and switches, never for text that may be a
      // secret.
      if (mismatch instanceof InvalidFormatException bad
          && target != String.class
          && value.isTextual()) {
        return "\"" + bad.getValue() + "\" is not " + kindOf(target, value.asText());
      }
      return "must be " + kindOf(target, "");
    }
    return "invalid value";
  }

  private static String kindOf(Class<?> target, String rejected) {
    if (target == int.class
        || target == Integer.class
        || target == long.class
        || target == Long.class) {
      return rejected.matches("[-+]?\\d+") ? "a whole number in range" : "a whole number";
    }
    if (target == boolean.class || target == Boolean.class) {
      return "true or false";
    }
    if (target == String.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(target) || target.isArray()) {
      return "a list";
    }
    return "a section of keys";
  }

  private static String expected(Collection<Object> known) {
    if (known == null || known.isEmpty()) {
      return "";
    }
    return known.stream()
        .map(String::valueOf)
        .sorted()
        .collect(Collectors.joining(", ", " (expected one of: ", ")"));
  }

  /** {@code ldap.sources[0].baseDn}: the same form Bean Validation uses for its paths. */
  static String pathOf(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String pointerOf(List<JsonMappingException.Reference> references) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        pointer.append('/').append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append('/').append(reference.getIndex());
      }
    }
    return pointer.toString();
  }
}
