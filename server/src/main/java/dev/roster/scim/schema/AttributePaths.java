package dev.roster.scim.schema;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Resolves the attribute paths a client names (in filters, {@code sortBy}, {@code attributes}) to
 * the definitions of a resource type's schemas. RFC 7643 §2.1: attribute names and schema URNs are
 * case-insensitive; a core attribute may also be named with the core schema's URN as prefix (RFC
 * 7644 §3.10). A path is at most an attribute and one sub-attribute.
 *
 * <pre>{@code
 * AttributePaths.resolve(ScimResourceType.USER, Path.fromString("name.familyName")); // present
 * AttributePaths.problem(ScimResourceType.USER, Path.fromString("name.family"));
 * // "'name' has no sub-attribute 'family'; it has formatted, familyName, …"
 * }</pre>
 */
public final class AttributePaths {
  private AttributePaths() {}

  public static Optional<AttributePath> resolve(ScimResourceType type, Path path) {
    return problem(type, path) == null ? Optional.of(found(type, path)) : Optional.empty();
  }

  /** A sub-attribute named relative to a complex attribute, as inside {@code emails[…]}. */
  public static Optional<AttributePath> resolveSub(AttributePath parent, Path relative) {
    if (relative.getSchemaUrn() != null || relative.size() != 1) {
      return Optional.empty();
    }
    return find(parent.attribute().getSubAttributes(), relative.getElement(0).getAttribute())
        .map(parent::child);
  }

  /** Why {@code path} names no attribute of {@code type}, or null when it names one. */
  public static String problem(ScimResourceType type, Path path) {
    if (path == null || path.size() == 0) {
      return "an attribute name is missing";
    }
    List<AttributeDefinition> attributes = attributesOf(type, path.getSchemaUrn());
    if (attributes == null) {
      return "'" + path.getSchemaUrn() + "' is not a schema of " + type.name() + " resources";
    }
    if (path.size() > 2) {
      return "'" + path + "' nests deeper than an attribute and one sub-attribute";
    }
    String name = path.getElement(0).getAttribute();
    Optional<AttributeDefinition> attribute = find(attributes, name);
    if (attribute.isEmpty()) {
      return "'"
          + name
          + "' is not an attribute of "
          + type.name()
          + " resources; known: "
          + names(attributes);
    }
    if (path.size() == 2) {
      Collection<AttributeDefinition> subs = attribute.get().getSubAttributes();
      String subName = path.getElement(1).getAttribute();
      if (subs == null || subs.isEmpty()) {
        return "'" + attribute.get().getName() + "' has no sub-attributes";
      }
      if (find(subs, subName).isEmpty()) {
        return "'"
            + attribute.get().getName()
            + "' has no sub-attribute '"
            + subName
            + "'; it has "
            + names(subs);
      }
    }
    return null;
  }

  private static AttributePath found(ScimResourceType type, Path path) {
    String urn = path.getSchemaUrn();
    String extensionUrn =
        urn == null || urn.equalsIgnoreCase(type.core().getId())
            ? null
            : type.extension(urn).orElseThrow().getId();
    AttributeDefinition attribute =
        find(attributesOf(type, urn), path.getElement(0).getAttribute()).orElseThrow();
    AttributeDefinition sub =
        path.size() == 2
            ? find(attribute.getSubAttributes(), path.getElement(1).getAttribute()).orElseThrow()
            : null;
    return new AttributePath(extensionUrn, attribute, sub);
  }

  /** The attributes a path with this schema URN may name; null for a schema the type lacks. */
  private static List<AttributeDefinition> attributesOf(ScimResourceType type, String urn) {
    if (urn == null || urn.equalsIgnoreCase(type.core().getId())) {
      return Stream.concat(ScimSchemas.common().stream(), type.core().getAttributes().stream())
          .toList();
    }
    return type.extension(urn).map(e -> List.copyOf(e.getAttributes())).orElse(null);
  }

  private static Optional<AttributeDefinition> find(
      Collection<AttributeDefinition> definitions, String name) {
    if (definitions == null) {
      return Optional.empty();
    }
    return definitions.stream().filter(d -> d.getName().equalsIgnoreCase(name)).findFirst();
  }

  private static String names(Collection<AttributeDefinition> definitions) {
    return definitions.stream().map(AttributeDefinition::getName).collect(Collectors.joining(", "));
  }
}
