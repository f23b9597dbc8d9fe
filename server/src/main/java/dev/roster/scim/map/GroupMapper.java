package dev.roster.scim.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.Group;
import dev.roster.domain.GroupDraft;
import dev.roster.domain.GroupSettings;
import dev.roster.domain.Invalid;
import dev.roster.domain.Member;
import dev.roster.domain.MemberRef;
import dev.roster.domain.MemberType;
import dev.roster.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** SCIM Group JSON ⇄ domain. */
public final class GroupMapper {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GroupMapper() {}

  public static GroupDraft toDraft(ObjectNode resource) {
    List<MemberRef> members = new ArrayList<>();
    JsonNode array = resource.path("members");
    for (int i = 0; i < array.size(); i++) {
      members.add(memberRef(array.get(i), "members[" + i + "]"));
    }
    JsonNode externalId = resource.get("externalId");
    return new GroupDraft(
        resource.path("displayName").asText(),
        externalId == null ? null : externalId.asText(),
        settings(resource.path(ScimSchemas.ROSTER_GROUP_URN)),
        members);
  }

  private static GroupSettings settings(JsonNode ext) {
    JsonNode description = ext.get("description");
    return new GroupSettings(
        description == null || description.isNull() ? null : description.asText(),
        ext.path("admin").asBoolean(false),
        strings(ext.path("ldapGroupNames")),
        strings(ext.path("permissions")));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static ObjectNode extension(Group group) {
    GroupSettings s = group.settings();
    ObjectNode ext = NODES.objectNode();
    if (s.description() != null) {
      ext.put("description", s.description());
    }
    ext.put("admin", s.admin());
    ext.put("source", group.source().name());
    if (!s.ldapGroupNames().isEmpty()) {
      s.ldapGroupNames().forEach(ext.putArray("ldapGroupNames")::add);
    }
    if (!s.permissions().isEmpty()) {
      s.permissions().forEach(ext.putArray("permissions")::add);
    }
    return ext;
  }

  /**
   * The group without its members, which {@code dev.roster.scim.GroupJson} streams in: a group may
   * have more of them than fit in memory.
   */
  public static ObjectNode toScim(Group group, ScimUrls urls) {
    ObjectNode out = NODES.objectNode();
    out.putArray("schemas").add(ScimSchemas.GROUP_URN).add(ScimSchemas.ROSTER_GROUP_URN);
    out.put("id", group.id().toString());
    if (group.externalId() != null) {
      out.put("externalId", group.externalId());
    }
    out.put("displayName", group.displayName());
    out.set(ScimSchemas.ROSTER_GROUP_URN, extension(group));
    MetaMapper.write(out, "Group", group.meta(), urls.group(group.id()));
    return out;
  }

  /** One element of {@code members}. */
  public static ObjectNode member(Member member, ScimUrls urls) {
    ObjectNode node = NODES.objectNode();
    node.put("value", member.id().toString());
    node.put(
        "$ref",
        member.type() == MemberType.USER ? urls.user(member.id()) : urls.group(member.id()));
    if (member.display() != null) {
      node.put("display", member.display());
    }
    node.put("type", member.type().scimName());
    return node;
  }

  static UUID memberId(String value, String path) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new Invalid(path, "'" + value + "' is not the id of a user or group");
    }
  }

  /** A member as a client names it: its id, and the type it says the id is, if it says one. */
  public static MemberRef memberRef(JsonNode member, String path) {
    UUID id = memberId(member.path("value").asText(), path + ".value");
    JsonNode type = member.get("type");
    if (type == null || type.isNull()) {
      return new MemberRef(id);
    }
    for (MemberType candidate : MemberType.values()) {
      if (candidate.scimName().equalsIgnoreCase(type.asText())) {
        return new MemberRef(id, candidate);
      }
    }
    throw new Invalid(path + ".type", "must be User or Group");
  }
}
