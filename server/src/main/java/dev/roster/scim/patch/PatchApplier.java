package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Applies PATCH steps, in order, to the JSON of a resource with the SDK's {@link
 * com.unboundid.scim2.common.messages.PatchOperation#apply}, and holds the rules the SDK leaves to
 * the server (RFC 7644 §3.5.2):
 *
 * <ul>
 *   <li>a step may not change a read-only attribute (echoing its current value, as Okta does with
 *       {@code id}, changes nothing and passes), nor change an immutable one that has a value: 400
 *       {@code mutability};
 *   <li>{@code primary} stays unique: a step that makes one value primary makes the others not.
 * </ul>
 *
 * The result still has to be read against the schema: types are checked there, once.
 */
final class PatchApplier {
  private PatchApplier() {}

  static ObjectNode apply(ObjectNode resource, List<PatchStep> steps) throws ScimException {
    ObjectNode json = resource.deepCopy();
    for (PatchStep step : steps) {
      String key = step.target().topKey();
      JsonNode before = copy(json.get(key));
      Set<JsonNode> primaryBefore = primaries(json.get(key));
      try {
        step.operation().apply(json);
      } catch (ScimException e) {
        throw Failures.at(step.label(), e);
      }
      JsonNode after = json.get(key);
      if (!Objects.equals(before, after)) {
        checkMutability(step, before);
      }
      keepOnePrimary(step, json.get(key), primaryBefore);
    }
    return json;
  }

  private static void checkMutability(PatchStep step, JsonNode before) throws BadRequestException {
    if (step.target().readOnly()) {
      throw Failures.mutability(
          step.label(), "'" + step.target() + "' is read-only; the server maintains it");
    }
    if (step.target().immutable() && before != null && !before.isNull()) {
      throw Failures.mutability(
          step.label(), "'" + step.target() + "' is immutable: it can be set, but not changed");
    }
  }

  /**
   * RFC 7644 §3.5.2: setting {@code primary} to true on one value sets it to false on the others.
   * Two values made primary by one step cannot both win.
   */
  private static void keepOnePrimary(PatchStep step, JsonNode values, Set<JsonNode> before)
      throws BadRequestException {
    if (values == null || !values.isArray() || !hasPrimary(step.target())) {
      return;
    }
    List<ObjectNode> primary = new ArrayList<>();
    List<ObjectNode> made = new ArrayList<>();
    for (JsonNode value : values) {
      if (value instanceof ObjectNode object && isPrimary(object)) {
        primary.add(object);
        if (!before.contains(object)) {
          made.add(object);
        }
      }
    }
    if (primary.size() <= 1) {
      return;
    }
    if (made.size() > 1) {
      throw BadRequestException.invalidValue(
          step.label()
              + ": at most one value of '"
              + step.target().topKey()
              + "' may be primary, and this makes "
              + made.size()
              + " primary");
    }
    for (ObjectNode value : primary) {
      if (made.stream().noneMatch(m -> m == value)) {
        value.put("primary", false);
      }
    }
  }

  private static boolean hasPrimary(AttributePath target) {
    AttributeDefinition top = target.chain().isEmpty() ? null : target.chain().get(0);
    return top != null
        && top.isMultiValued()
        && Values.subAttributes(top).stream().anyMatch(d -> d.getName().equals("primary"));
  }

  /** The values marked primary, by identity: the SDK edits matched values in place. */
  private static Set<JsonNode> primaries(JsonNode values) {
    Set<JsonNode> primary = Collections.newSetFromMap(new IdentityHashMap<>());
    if (values != null && values.isArray()) {
      for (JsonNode value : values) {
        if (value instanceof ObjectNode object && isPrimary(object)) {
          primary.add(object);
        }
      }
    }
    return primary;
  }

  /** Entra ID sends booleans as strings; the schema check turns them into booleans later. */
  private static boolean isPrimary(ObjectNode value) {
    JsonNode primary = value.get("primary");
    return primary != null
        && (primary.asBoolean(false)
            || (primary.isTextual() && primary.textValue().equalsIgnoreCase("true")));
  }

  private static JsonNode copy(JsonNode node) {
    return node == null ? null : node.deepCopy();
  }
}
