package dev.roster.scim.patch;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Resolves the paths of a PATCH against the schemas of one resource type. Attribute names are
 * case-insensitive (RFC 7643 §2.1) but the SDK looks them up in JSON by exact name, so every name
 * in a path, its schema URN and the attribute names inside its {@code [filter]} are rewritten as
 * the schema spells them. A name the schemas do not know is a 400 {@code invalidPath}.
 *
 * <pre>{@code
 * new PathResolver(ScimResourceType.USER).resolve(Path.fromString("Emails[Type eq \"work\"].Value"))
 * // emails[type eq "work"].value
 * }</pre>
 */
final class PathResolver {
  private final ScimResourceType type;

  PathResolver(ScimResourceType type) {
    this.type = type;
  }

  AttributePath resolve(Path raw) throws BadRequestException {
    String urn = raw.getSchemaUrn();
    List<Path.Element> elements = new ArrayList<>();
    raw.forEach(elements::add);
    SchemaResource extension = null;
    if (urn != null && !urn.equalsIgnoreCase(type.core().getId())) {
      Optional<SchemaResource> named = type.extension(urn);
      if (named.isEmpty()) {
        return wholeExtension(raw, urn, elements);
      }
      extension = named.get();
    }
    if (elements.isEmpty()) {
      if (extension != null) {
        return new AttributePath(Path.root(extension.getId()), extension.getId(), List.of());
      }
      throw BadRequestException.invalidPath("the path '" + raw + "' names no attribute");
    }
    Collection<AttributeDefinition> definitions =
        extension == null ? coreAndCommon() : extension.getAttributes();
    Path path = extension == null ? Path.root() : Path.root(extension.getId());
    List<AttributeDefinition> chain = new ArrayList<>();
    for (Path.Element element : elements) {
      AttributeDefinition definition = find(definitions, element.getAttribute(), raw);
      Filter filter =
          element.getValueFilter() == null ? null : filter(element.getValueFilter(), definition);
      path = path.attribute(definition.getName(), filter);
      chain.add(definition);
      definitions = subAttributes(definition);
    }
    String topKey = extension == null ? chain.get(0).getName() : extension.getId();
    return new AttributePath(path, topKey, chain);
  }

  /**
   * The SDK reads {@code urn:…:enterprise:2.0:User} as the schema {@code urn:…:2.0} with an
   * attribute {@code User}; put back together it may name a whole extension.
   */
  private AttributePath wholeExtension(Path raw, String urn, List<Path.Element> elements)
      throws BadRequestException {
    if (elements.size() == 1 && elements.get(0).getValueFilter() == null) {
      Optional<SchemaResource> whole = type.extension(urn + ":" + elements.get(0).getAttribute());
      if (whole.isPresent()) {
        String id = whole.get().getId();
        return new AttributePath(Path.root(id), id, List.of());
      }
    }
    throw BadRequestException.invalidPath(
        "the path '" + raw + "' names a schema that " + type.name() + " resources do not have");
  }

  private AttributeDefinition find(
      Collection<AttributeDefinition> definitions, String name, Path raw)
      throws BadRequestException {
    for (AttributeDefinition definition : definitions) {
      if (definition.getName().equalsIgnoreCase(name)) {
        return definition;
      }
    }
    throw BadRequestException.invalidPath(
        "'" + name + "' in the path '" + raw + "' is not an attribute of " + type.name());
  }

  /** The filter with its attribute names spelled as {@code attribute}'s sub-attributes are. */
  private static Filter filter(Filter filter, AttributeDefinition attribute)
      throws BadRequestException {
    switch (filter.getFilterType()) {
      case AND, OR -> {
        List<Filter> parts = new ArrayList<>();
        for (Filter part : filter.getCombinedFilters()) {
          parts.add(filter(part, attribute));
        }
        return filter.getFilterType() == com.unboundid.scim2.common.filters.FilterType.AND
            ? Filter.and(parts)
            : Filter.or(parts);
      }
      case NOT -> {
        return Filter.not(filter(filter.getInvertedFilter(), attribute));
      }
      case COMPLEX_VALUE ->
          throw BadRequestException.invalidFilter(
              "a [filter] in a PATCH path cannot hold another [filter]: " + filter);
      case PRESENT -> {
        return Filter.pr(subAttribute(filter.getAttributePath(), attribute));
      }
      default -> {
        return comparison(filter, subAttribute(filter.getAttributePath(), attribute));
      }
    }
  }

  private static Filter comparison(Filter filter, Path path) {
    ValueNode value = filter.getComparisonValue();
    return switch (filter.getFilterType()) {
      case EQUAL -> Filter.eq(path, value);
      case NOT_EQUAL -> Filter.ne(path, value);
      case CONTAINS -> Filter.co(path, value);
      case STARTS_WITH -> Filter.sw(path, value);
      case ENDS_WITH -> Filter.ew(path, value);
      case GREATER_THAN -> Filter.gt(path, value);
      case GREATER_OR_EQUAL -> Filter.ge(path, value);
      case LESS_THAN -> Filter.lt(path, value);
      case LESS_OR_EQUAL -> Filter.le(path, value);
      default -> throw new IllegalStateException("not a comparison: " + filter);
    };
  }

  /** {@code type} in {@code emails[type eq "work"]}: a sub-attribute, or the value itself. */
  private static Path subAttribute(Path path, AttributeDefinition attribute)
      throws BadRequestException {
    if (path.size() != 1 || path.getSchemaUrn() != null) {
      throw BadRequestException.invalidFilter(
          "a [filter] of '"
              + attribute.getName()
              + "' can only compare its sub-attributes, not '"
              + path
              + "'");
    }
    String name = path.getElement(0).getAttribute();
    for (AttributeDefinition sub : subAttributes(attribute)) {
      if (sub.getName().equalsIgnoreCase(name)) {
        return Path.root().attribute(sub.getName());
      }
    }
    if (name.equalsIgnoreCase("value") && attribute.getSubAttributes() == null) {
      return Path.root().attribute("value");
    }
    throw BadRequestException.invalidFilter(
        "'" + name + "' is not a sub-attribute of '" + attribute.getName() + "'");
  }

  private static Collection<AttributeDefinition> subAttributes(AttributeDefinition definition) {
    return definition.getSubAttributes() == null ? List.of() : definition.getSubAttributes();
  }

  private List<AttributeDefinition> coreAndCommon() {
    return Stream.concat(ScimSchemas.common().stream(), type.core().getAttributes().stream())
        .toList();
  }
}
