package dev.roster.scim.schema;

import com.unboundid.scim2.common.types.AttributeDefinition;
import java.util.Locale;

/**
 * An attribute path resolved against the schemas of a resource type (RFC 7644 §3.10): the
 * attribute, and the sub-attribute when the path names one. Names are the schema's spelling, so two
 * paths that differ only in case resolve to equal values.
 *
 * <pre>{@code
 * AttributePath path = AttributePaths.resolve(ScimResourceType.USER, Path.fromString("EMAILS.Value"));
 * path.canonical(); // "emails.value"
 * }</pre>
 *
 * @param extensionUrn the extension schema the attribute belongs to, or null for the core schema
 *     and the common attributes
 * @param attribute the top-level attribute
 * @param sub the sub-attribute, or null when the path names the attribute itself
 */
public record AttributePath(
    String extensionUrn, AttributeDefinition attribute, AttributeDefinition sub) {

  /** What the path names: the sub-attribute if there is one, else the attribute. */
  public AttributeDefinition definition() {
    return sub != null ? sub : attribute;
  }

  /** Whether a value of this path can occur more than once in a resource. */
  public boolean multiValued() {
    return attribute.isMultiValued();
  }

  /** The attribute name as JSON carries it at the top level: the URN for extension attributes. */
  public String topLevelName() {
    return extensionUrn != null ? extensionUrn : attribute.getName();
  }

  /** The path without its sub-attribute. */
  public AttributePath parent() {
    return new AttributePath(extensionUrn, attribute, null);
  }

  /** The path with this sub-attribute of the attribute. */
  public AttributePath child(AttributeDefinition subAttribute) {
    return new AttributePath(extensionUrn, attribute, subAttribute);
  }

  /** {@code name.familyName}, {@code urn:…:enterprise:2.0:User:manager.value}. */
  public String canonical() {
    String local = attribute.getName() + (sub != null ? "." + sub.getName() : "");
    return extensionUrn != null ? extensionUrn + ":" + local : local;
  }

  /** The canonical path in lower case: how stored values name their attribute. */
  public String key() {
    return canonical().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return canonical();
  }
}
