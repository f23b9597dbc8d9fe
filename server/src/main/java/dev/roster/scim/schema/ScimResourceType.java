package dev.roster.scim.schema;

import com.unboundid.scim2.common.types.SchemaResource;
import java.util.List;
import java.util.Optional;

/**
 * A resource type (RFC 7643 §6): its name, endpoint, core schema and the extensions a resource of
 * this type may carry.
 */
public record ScimResourceType(
    String name,
    String endpoint,
    String description,
    SchemaResource core,
    List<SchemaResource> extensions) {
  public static final ScimResourceType USER =
      new ScimResourceType(
          "User",
          "/Users",
          "People with an account in the tenant",
          ScimSchemas.USER,
          List.of(ScimSchemas.ENTERPRISE_USER, ScimSchemas.ROSTER_USER));
  public static final ScimResourceType GROUP =
      new ScimResourceType(
          "Group",
          "/Groups",
          "Groups of users and groups",
          ScimSchemas.GROUP,
          List.of(ScimSchemas.ROSTER_GROUP));

  public static List<ScimResourceType> all() {
    return List.of(USER, GROUP);
  }

  /**
   * The extension with this URN, ignoring case. A loop, not a stream: a response asks this of each
   * of its attributes.
   */
  public Optional<SchemaResource> extension(String urn) {
    for (SchemaResource extension : extensions) {
      if (extension.getId().equalsIgnoreCase(urn)) {
        return Optional.of(extension);
      }
    }
    return Optional.empty();
  }
}
