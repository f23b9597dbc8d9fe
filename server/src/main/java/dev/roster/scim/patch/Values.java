package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The value of a PATCH operation put into the shape of the attribute its path targets, so the SDK's
 * merge lands on the right JSON keys: names spelled as the schema spells them ({@code "GivenName"}
 * becomes {@code "givenName"}), one value of a multi-valued attribute wrapped in an array, and a
 * bare id where a complex value with a {@code value} sub-attribute belongs wrapped as {@code
 * {"value": id}} (Entra ID sends {@code manager} and group members that way). Types are not checked
 * here: the whole resource is read against its schema once all operations are applied.
 */
final class Values {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Values() {}

  static JsonNode shape(AttributePath target, JsonNode value) {
    AttributeDefinition leaf = target.leaf();
    boolean wholeMultiValued =
        leaf.isMultiValued() && target.chain().size() == 1 && !target.endsInFilter();
    if (wholeMultiValued) {
      ArrayNode array = NODES.arrayNode();
      if (value.isArray()) {
        value.forEach(element -> array.add(element(leaf, element)));
      } else {
        array.add(element(leaf, value));
      }
      return array;
    }
    return element(leaf, value);
  }

  /** Canonical names throughout an object whose keys are {@code definitions}' attributes. */
  static JsonNode keys(JsonNode value, Collection<AttributeDefinition> definitions) {
    if (!value.isObject()) {
      return value;
    }
    ObjectNode out = NODES.objectNode();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      AttributeDefinition definition = find(definitions, field.getKey());
      if (definition == null) {
        out.set(field.getKey(), field.getValue()); // the schema check names it later
      } else if (definition.getType() == Type.COMPLEX && field.getValue().isArray()) {
        ArrayNode array = out.putArray(definition.getName());
        field.getValue().forEach(e -> array.add(keys(e, subAttributes(definition))));
      } else if (definition.getType() == Type.COMPLEX) {
        out.set(definition.getName(), keys(field.getValue(), subAttributes(definition)));
      } else {
        out.set(definition.getName(), field.getValue());
      }
    }
    return out;
  }

  private static JsonNode element(AttributeDefinition attribute, JsonNode value) {
    if (attribute.getType() != Type.COMPLEX) {
      return value;
    }
    if (value.isValueNode() && find(subAttributes(attribute), "value") != null) {
      return NODES.objectNode().set("value", value);
    }
    return keys(value, subAttributes(attribute));
  }

  static Collection<AttributeDefinition> subAttributes(AttributeDefinition definition) {
    return definition.getSubAttributes() == null ? List.of() : definition.getSubAttributes();
  }

  private static AttributeDefinition find(
      Collection<AttributeDefinition> definitions, String name) {
    for (AttributeDefinition definition : definitions) {
      if (definition.getName().equalsIgnoreCase(name)) {
        return definition;
      }
    }
    return null;
  }
}
