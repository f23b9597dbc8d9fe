package dev.roster.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.AttributeDefinition.Returned;
import com.unboundid.scim2.common.types.SchemaResource;
import dev.roster.domain.Invalid;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which attributes a response carries (RFC 7644 §3.9, RFC 7643 §7 {@code returned}): with {@code
 * attributes}, only those named plus the ones returned {@code always}; with {@code
 * excludedAttributes}, the default set minus those named ({@code always} ones stay); {@code never}
 * ones never, {@code request} ones only when named. Names are resolved against the schema (case-
 * insensitive, with or without the schema URN; a bare extension URN names the whole extension), so
 * a misspelt name is a 400 rather than a silently different response.
 *
 * <pre>{@code
 * Projection p = Projection.of(ScimResourceType.GROUP, null, "members");
 * p.includes("members"); // false: the group's members need not be read at all
 * }</pre>
 */
public final class Projection {
  /** Per resource type's name, its common and core attributes. */
  private static final Map<String, List<AttributeDefinition>> TOP_LEVEL = topLevelOfEachType();

  private final ScimResourceType type;
  private final boolean only;
  private final Selection selection;

  private Projection(ScimResourceType type, boolean only, Selection selection) {
    this.type = type;
    this.only = only;
    this.selection = selection;
  }

  /** Everything returned by default. */
  public static Projection all(ScimResourceType type) {
    return new Projection(type, false, new Selection());
  }

  /**
   * @param attributes comma-separated names, or null
   * @param excludedAttributes comma-separated names, or null
   */
  public static Projection of(ScimResourceType type, String attributes, String excludedAttributes) {
    return of(type, attributes, excludedAttributes, false);
  }

  /**
   * @param lenient whether names this type lacks are ignored (a search across resource types)
   */
  static Projection of(
      ScimResourceType type, String attributes, String excludedAttributes, boolean lenient) {
    boolean hasAttributes = attributes != null && !attributes.isBlank();
    boolean hasExcluded = excludedAttributes != null && !excludedAttributes.isBlank();
    if (hasAttributes && hasExcluded) {
      throw new Invalid(
          "attributes", "send either attributes or excludedAttributes, not both (RFC 7644 §3.9)");
    }
    if (!hasAttributes && !hasExcluded) {
      return all(type);
    }
    String parameter = hasAttributes ? "attributes" : "excludedAttributes";
    Selection selection = new Selection();
    for (String name : (hasAttributes ? attributes : excludedAttributes).split(",")) {
      if (!name.isBlank()) {
        select(type, parameter, name.strip(), selection, lenient);
      }
    }
    return new Projection(type, hasAttributes, selection);
  }

  /**
   * Whether the response carries any part of this top-level attribute: when it does not, the data
   * behind it need not be read.
   */
  public boolean includes(String attribute) {
    AttributeDefinition definition = find(topLevel(), attribute).orElseThrow();
    Selection chosen = selection.children.get(definition.getName());
    return switch (definition.getReturned()) {
      case ALWAYS -> true;
      case NEVER -> false;
      case REQUEST -> only && chosen != null;
      case DEFAULT -> only ? chosen != null : chosen == null || !chosen.whole;
    };
  }

  /**
   * Whether the response carries this attribute of an extension: when it does not, the data behind
   * it need not be read. Asked of a probe resource holding only that (multi-valued) attribute.
   */
  public boolean includesExtension(String urn, String attribute) {
    ObjectNode probe = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    probe.putArray("schemas").add(urn);
    probe.putObject(urn).putArray(attribute).add("probe");
    return apply(probe).path(urn).has(attribute);
  }

  /** Trims a rendered resource in place and returns it. */
  public ObjectNode apply(ObjectNode resource) {
    Iterator<Map.Entry<String, JsonNode>> fields = resource.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("schemas")) {
        continue;
      }
      Optional<SchemaResource> extension = type.extension(name);
      boolean keep =
          extension.isPresent()
              ? trimExtension(extension.get(), field.getValue())
              : find(topLevel(), name)
                  .map(d -> trim(d, selection.children.get(d.getName()), field.getValue()))
                  .orElse(true);
      if (!keep) {
        fields.remove();
      }
    }
    // An extension whose attributes all went is no longer among the resource's schemas.
    if (resource.get("schemas") instanceof ArrayNode schemas) {
      for (int i = schemas.size() - 1; i >= 0; i--) {
        String urn = schemas.get(i).asText();
        if (type.extension(urn).isPresent() && !resource.has(urn)) {
          schemas.remove(i);
        }
      }
    }
    return resource;
  }

  /** Trims one element of a multi-valued top-level attribute in place, as {@link #apply} would. */
  public ObjectNode applyToElement(String attribute, ObjectNode element) {
    AttributeDefinition definition = find(topLevel(), attribute).orElseThrow();
    trimChildren(
        definition.getSubAttributes(), selection.children.get(definition.getName()), element);
    return element;
  }

  private boolean trimExtension(SchemaResource extension, JsonNode value) {
    Selection chosen = selection.children.get(extension.getId());
    if (chosen != null && chosen.whole) {
      return only;
    }
    if (only && chosen == null) {
      return false;
    }
    if (value instanceof ObjectNode object) {
      trimChildren(extension.getAttributes(), chosen, object);
      return !object.isEmpty();
    }
    return true;
  }

  /** Whether to keep an attribute's value, trimming its sub-attributes where only some stay. */
  private boolean trim(AttributeDefinition definition, Selection chosen, JsonNode value) {
    Returned returned = definition.getReturned();
    if (returned == Returned.ALWAYS) {
      return true;
    }
    if (returned == Returned.NEVER) {
      return false;
    }
    if (chosen == null) {
      return !only && returned != Returned.REQUEST;
    }
    if (chosen.whole) {
      return only;
    }
    for (JsonNode element : value.isArray() ? value : List.of(value)) {
      if (element instanceof ObjectNode object) {
        trimChildren(definition.getSubAttributes(), chosen, object);
      }
    }
    if (value.isArray()) {
      ArrayNode array = (ArrayNode) value;
      for (int i = array.size() - 1; i >= 0; i--) {
        if (array.get(i).isEmpty()) {
          array.remove(i);
        }
      }
    }
    return !value.isEmpty();
  }

  private void trimChildren(
      Collection<AttributeDefinition> definitions, Selection chosen, ObjectNode object) {
    if (definitions == null) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Optional<AttributeDefinition> definition = find(definitions, field.getKey());
      if (definition.isEmpty()) {
        continue;
      }
      Selection child =
          chosen == null || chosen.whole ? null : chosen.children.get(definition.get().getName());
      boolean keep =
          chosen != null && chosen.whole ? true : trim(definition.get(), child, field.getValue());
      if (!keep) {
        fields.remove();
      }
    }
  }

  private List<AttributeDefinition> topLevel() {
    return TOP_LEVEL.get(type.name());
  }

  // A loop, not a stream: every attribute of every resource a response carries is looked up here.
  private static Optional<AttributeDefinition> find(
      Collection<AttributeDefinition> definitions, String name) {
    for (AttributeDefinition definition : definitions) {
      if (definition.getName().equalsIgnoreCase(name)) {
        return Optional.of(definition);
      }
    }
    return Optional.empty();
  }

  private static Map<String, List<AttributeDefinition>> topLevelOfEachType() {
    Map<String, List<AttributeDefinition>> topLevel = new LinkedHashMap<>();
    for (ScimResourceType type : ScimResourceType.all()) {
      topLevel.put(
          type.name(),
          Stream.concat(ScimSchemas.common().stream(), type.core().getAttributes().stream())
              .toList());
    }
    return Map.copyOf(topLevel);
  }

  /** Adds one named attribute to the selection, in the schema's spelling. */
  private static void select(
      ScimResourceType type, String parameter, String name, Selection selection, boolean lenient) {
    Optional<SchemaResource> extension = type.extension(name);
    if (extension.isPresent()) {
      selection.child(extension.get().getId()).whole = true;
      return;
    }
    Path path;
    try {
      path = Path.fromString(name);
    } catch (BadRequestException e) {
      throw new Invalid(parameter, "'" + name + "' is not an attribute path");
    }
    Optional<AttributePath> resolved = AttributePaths.resolve(type, path.withoutFilters());
    if (resolved.isEmpty()) {
      if (lenient) {
        return;
      }
      throw new Invalid(parameter, AttributePaths.problem(type, path.withoutFilters()));
    }
    AttributePath attribute = resolved.get();
    Selection node = selection.child(attribute.topLevelName());
    if (attribute.extensionUrn() != null) {
      node = node.child(attribute.attribute().getName());
    }
    if (attribute.sub() != null) {
      node = node.child(attribute.sub().getName());
    }
    node.whole = true;
  }

  /** The chosen names, as a tree: a node chosen whole, or some of its children. */
  private static final class Selection {
    private final Map<String, Selection> children = new LinkedHashMap<>();
    private boolean whole;

    Selection child(String name) {
      return children.computeIfAbsent(name, n -> new Selection());
    }
  }
}
