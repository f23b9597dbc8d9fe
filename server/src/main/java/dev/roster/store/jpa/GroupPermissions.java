package dev.roster.store.jpa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.GroupSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A group's Roster settings as stored: description and permissions in the {@code attributes} JSON
 * (one row per read), the admin flag and ldap_group_names in columns, and each permission also a
 * row of {@code group_permission} for the searches that follow permissions through groups.
 */
final class GroupPermissions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GroupPermissions() {}

  static String attributes(GroupSettings settings) {
    ObjectNode node = JSON.createObjectNode();
    if (settings.description() != null) {
      node.put("description", settings.description());
    }
    if (!settings.permissions().isEmpty()) {
      settings.permissions().forEach(node.putArray("permissions")::add);
    }
    return node.toString();
  }

  static GroupSettings settings(String attributes, boolean admin, String ldapGroupNames) {
    JsonNode node = tree(attributes);
    JsonNode description = node.get("description");
    return new GroupSettings(
        description == null ? null : description.asText(),
        admin,
        strings(tree(ldapGroupNames)),
        strings(node.path("permissions")));
  }

  static List<String> read(String attributes) {
    return strings(tree(attributes).path("permissions"));
  }

  static String json(List<String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Rewrites the group's permission rows: a group has a handful, so all of them. */
  static void write(Session session, UUID tenantId, UUID groupId, List<String> permissions) {
    session
        .createNativeMutationQuery("delete from group_permission where group_id = :group")
        .setParameter("group", groupId)
        .executeUpdate();
    for (String permission : permissions) {
      session
          .createNativeMutationQuery(
              "insert into group_permission (group_id, tenant_id, permission, permission_key)"
                  + " values (:group, :tenant, :permission, :key)")
          .setParameter("group", groupId)
          .setParameter("tenant", tenantId)
          .setParameter("permission", permission)
          .setParameter("key", CaseInsensitive.key(permission))
          .executeUpdate();
    }
  }

  private static JsonNode tree(String json) {
    if (json == null || json.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored group attributes are not valid JSON", e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }
}
