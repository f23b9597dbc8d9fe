package dev.roster.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Mutability;
import com.unboundid.scim2.common.types.SchemaResource;
import dev.roster.domain.Invalid;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a resource that a client sent (POST or PUT body) against the schemas of its resource type
 * and returns it in canonical form: attribute names spelled as the schema spells them (RFC 7643
 * §2.1: names are case-insensitive), read-only attributes dropped (RFC 7644 §3.5.1: they are
 * ignored), nulls treated as unassigned, and every value checked against its type. Unknown
 * attributes and wrong types are an {@link Invalid} naming the attribute path, so nothing a client
 * sends is silently lost.
 */
public final class ResourceReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ScimResourceType type;

  public ResourceReader(ScimResourceType type) {
    this.type = type;
  }

  public ObjectNode read(JsonNode input) {
    if (input == null || !input.isObject()) {
      throw new Invalid("body", "must be a JSON object");
    }
    ObjectNode out = NODES.objectNode();
    ArrayNode schemas = out.putArray("schemas");
    schemas.add(type.core().getId());
    Iterator<Map.Entry<String, JsonNode>> fields = input.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.equalsIgnoreCase("schemas")) {
        checkSchemas(value);
      } else if (key.regionMatches(
          true, 0, type.core().getId() + ":", 0, type.core().getId().length() + 1)) {
        // RFC 7644 §3.10: a core attribute may be named by its fully qualified URN.
        readAttribute(
            out, key.substring(type.core().getId().length() + 1), value, coreAndCommon(), "");
      } else if (key.toLowerCase(Locale.ROOT).startsWith("urn:")) {
        readExtension(out, schemas, key, value);
      } else {
        readAttribute(out, key, value, coreAndCommon(), "");
      }
    }
    checkRequired(out, type.core().getAttributes(), "");
    for (SchemaResource extension : type.extensions()) {
      if (out.get(extension.getId()) instanceof ObjectNode ext) {
        checkRequired(ext, extension.getAttributes(), extension.getId() + ":");
      }
    }
    return out;
  }

  private List<AttributeDefinition> coreAndCommon() {
    return concat(ScimSchemas.common(), type.core().getAttributes());
  }

  private static List<AttributeDefinition> concat(
      Collection<AttributeDefinition> a, Collection<AttributeDefinition> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  private void checkSchemas(JsonNode value) {
    if (value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      throw new Invalid("schemas", "must be an array of schema URNs");
    }
    for (JsonNode urn : value) {
      if (!urn.isTextual()) {
        throw new Invalid("schemas", "must be an array of schema URNs");
      }
      String text = urn.textValue();
      if (!text.equalsIgnoreCase(type.core().getId()) && type.extension(text).isEmpty()) {
        throw new Invalid(
            "schemas",
            "'"
                + text
                + "' is not a schema of "
                + type.name()
                + " resources; known: "
                + knownSchemas());
      }
    }
  }

  private void readExtension(ObjectNode out, ArrayNode schemas, String key, JsonNode value) {
    SchemaResource extension =
        type.extension(key)
            .orElseThrow(
                () ->
                    new Invalid(
                        key,
                        "is not a schema extension of "
                            + type.name()
                            + " resources; known: "
                            + knownSchemas()));
    if (value.isNull()) {
      return;
    }
    if (!value.isObject()) {
      throw new Invalid(extension.getId(), "must be a JSON object");
    }
    ObjectNode ext = NODES.objectNode();
    value
        .fields()
        .forEachRemaining(
            f ->
                readAttribute(
                    ext,
                    f.getKey(),
                    f.getValue(),
                    extension.getAttributes(),
                    extension.getId() + ":"));
    if (!ext.isEmpty()) {
      out.set(extension.getId(), ext);
      schemas.add(extension.getId());
    }
  }

  private void readAttribute(
      ObjectNode out,
      String name,
      JsonNode value,
      Collection<AttributeDefinition> definitions,
      String prefix) {
    AttributeDefinition definition =
        find(definitions, name)
            .orElseThrow(
                () ->
                    new Invalid(
                        prefix + name, "is not an attribute of " + type.name() + " resources"));
    String path = prefix + definition.getName();
    if (definition.getMutability() == Mutability.READ_ONLY || value.isNull()) {
      return;
    }
    if (definition.isMultiValued()) {
      if (!value.isArray()) {
        throw new Invalid(path, "is multi-valued: send an array");
      }
      ArrayNode array = NODES.arrayNode();
      int index = 0;
      for (JsonNode element : value) {
        if (!element.isNull()) {
          array.add(single(definition, element, path + "[" + index + "]"));
        }
        index++;
      }
      out.set(definition.getName(), array);
    } else {
      if (value.isArray()) {
        throw new Invalid(path, "is single-valued: send one value, not an array");
      }
      out.set(definition.getName(), single(definition, value, path));
    }
  }

  private JsonNode single(AttributeDefinition definition, JsonNode value, String path) {
    return switch (definition.getType()) {
      case STRING -> string(value, path);
      case REFERENCE -> {
        if (!value.isTextual()) {
          throw new Invalid(path, "must be a string (a reference)");
        }
        yield noNul(value, path);
      }
      case BOOLEAN -> bool(value, path);
      case INTEGER -> {
        if (!value.isIntegralNumber()) {
          throw new Invalid(path, "must be a whole number");
        }
        yield value;
      }
      case DECIMAL -> {
        if (!value.isNumber()) {
          throw new Invalid(path, "must be a number");
        }
        yield value;
      }
      case DATETIME -> dateTime(value, path);
      case BINARY -> binary(value, path);
      case COMPLEX -> complex(definition, value, path);
    };
  }

  private JsonNode complex(AttributeDefinition definition, JsonNode value, String path) {
    if (!value.isObject()) {
      throw new Invalid(path, "must be a JSON object");
    }
    ObjectNode out = NODES.objectNode();
    value
        .fields()
        .forEachRemaining(
            f ->
                readAttribute(
                    out, f.getKey(), f.getValue(), definition.getSubAttributes(), path + "."));
    checkRequired(out, definition.getSubAttributes(), path + ".");
    return out;
  }

  /** Identity providers send numbers for string attributes (employeeNumber, phone numbers). */
  private static JsonNode string(JsonNode value, String path) {
    if (value.isTextual()) {
      return noNul(value, path);
    }
    if (value.isNumber()) {
      return NODES.textNode(value.asText());
    }
    throw new Invalid(path, "must be a string");
  }

  /** PostgreSQL cannot store NUL in text, and no attribute has a use for it. */
  private static JsonNode noNul(JsonNode value, String path) {
    if (value.textValue().indexOf('\u0000') >= 0) {
      throw new Invalid(path, "must not contain NUL characters");
    }
    return value;
  }

  /** Entra ID sends booleans as the strings "True" and "False". */
  private static JsonNode bool(JsonNode value, String path) {
    if (value.isBoolean()) {
      return value;
    }
    if (value.isTextual()
        && (value.textValue().equalsIgnoreCase("true")
            || value.textValue().equalsIgnoreCase("false"))) {
      return NODES.booleanNode(value.textValue().equalsIgnoreCase("true"));
    }
    throw new Invalid(path, "must be true or false");
  }

  private static JsonNode dateTime(JsonNode value, String path) {
    if (value.isTextual()) {
      try {
        OffsetDateTime.parse(value.textValue());
        return value;
      } catch (DateTimeParseException e) {
        // the message below says what is expected
      }
    }
    throw new Invalid(
        path, "must be an RFC 3339 date-time with a zone, such as \"2026-01-31T12:00:00Z\"");
  }

  private static JsonNode binary(JsonNode value, String path) {
    if (value.isTextual()) {
      try {
        // The MIME decoder would skip any character it does not know; this one refuses them.
        Base64.getDecoder().decode(value.textValue().replaceAll("\\s", ""));
        return value;
      } catch (IllegalArgumentException e) {
        // the message below says what is expected
      }
    }
    throw new Invalid(path, "must be base64-encoded binary");
  }

  private static void checkRequired(
      ObjectNode node, Collection<AttributeDefinition> definitions, String prefix) {
    for (AttributeDefinition definition : definitions) {
      if (definition.isRequired() && definition.getMutability() != Mutability.READ_ONLY) {
        JsonNode value = node.get(definition.getName());
        boolean missing =
            value == null
                || value.isNull()
                || (value.isTextual() && value.textValue().isBlank())
                || (value.isArray() && value.isEmpty());
        if (missing) {
          throw new Invalid(prefix + definition.getName(), "is required");
        }
      }
    }
  }

  private static Optional<AttributeDefinition> find(
      Collection<AttributeDefinition> definitions, String name) {
    return definitions.stream().filter(d -> d.getName().equalsIgnoreCase(name)).findFirst();
  }

  private String knownSchemas() {
    StringBuilder known = new StringBuilder(type.core().getId());
    type.extensions().forEach(e -> known.append(", ").append(e.getId()));
    return known.toString();
  }
}
