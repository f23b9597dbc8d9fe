package dev.roster.scim.map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.EnterpriseData;
import dev.roster.domain.GroupRef;
import dev.roster.domain.Invalid;
import dev.roster.domain.Manager;
import dev.roster.domain.Source;
import dev.roster.domain.User;
import dev.roster.domain.UserDetails;
import dev.roster.domain.UserDraft;
import dev.roster.domain.UserSettings;
import dev.roster.scim.schema.ScimSchemas;
import java.util.List;
import java.util.Optional;

/**
 * SCIM User JSON ⇄ domain. Input has been through the {@link
 * dev.roster.scim.schema.ResourceReader}, so names are canonical and types checked.
 */
public final class UserMapper {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The descriptive attributes carried by {@link UserDetails}, in RFC 7643 order. */
  private static final List<String> DETAIL_ATTRIBUTES =
      List.of(
          "name",
          "displayName",
          "nickName",
          "profileUrl",
          "title",
          "userType",
          "preferredLanguage",
          "locale",
          "timezone",
          "emails",
          "phoneNumbers",
          "ims",
          "photos",
          "addresses",
          "entitlements",
          "roles",
          "x509Certificates");

  /** What the LDAP sync writes on its users (store.jpa.DirectoryAttributes). */
  private static final List<String> DIRECTORY_OWNED = List.of("name", "displayName", "emails");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .serializationInclusion(JsonInclude.Include.NON_EMPTY)
          .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
          .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private UserMapper() {}

  /** A POST body, or the result of a PATCH: what is not there is not asked for. */
  public static UserDraft toDraft(ObjectNode resource) {
    return toDraft(resource, null, false);
  }

  /**
   * A PATCH result: a later element of userProperties, preferences, secrets, … with the key of an
   * earlier one replaces it, so {@code add} of an existing key updates it.
   */
  public static UserDraft toPatchedDraft(ObjectNode resource) {
    return toDraft(resource, null, true);
  }

  /**
   * A PUT body for {@code current}. Identity providers replace users knowing only the core and
   * enterprise schemas: without the Roster extension the user's Roster attributes stay as they are,
   * and within it profile, trial and adminProperties stay unless sent (they are an admin's, not the
   * client's, to clear).
   */
  public static UserDraft toReplacementDraft(ObjectNode resource, User current) {
    return toDraft(resource, current, false);
  }

  private static UserDraft toDraft(ObjectNode resource, User current, boolean collapse) {
    ObjectNode details = NODES.objectNode();
    for (String attribute : DETAIL_ATTRIBUTES) {
      if (resource.has(attribute)) {
        details.set(attribute, resource.get(attribute));
      }
    }
    if (current != null && current.account().source() == Source.LDAP) {
      // A PUT that leaves out what the directory owns (Okta's {"userName":…,"active":false})
      // keeps it: only a different value sent is a write to the directory's attributes.
      ObjectNode owned = MAPPER.valueToTree(current.details());
      for (String attribute : DIRECTORY_OWNED) {
        if (!resource.has(attribute) && owned.has(attribute)) {
          details.set(attribute, owned.get(attribute));
        }
      }
    }
    UserDetails parsed = convert(details);
    UserDetails withEnterprise =
        new UserDetails(
            parsed.name(),
            parsed.displayName(),
            parsed.nickName(),
            parsed.profileUrl(),
            parsed.title(),
            parsed.userType(),
            parsed.preferredLanguage(),
            parsed.locale(),
            parsed.timezone(),
            parsed.emails(),
            parsed.phoneNumbers(),
            parsed.ims(),
            parsed.photos(),
            parsed.addresses(),
            parsed.entitlements(),
            parsed.roles(),
            parsed.x509Certificates(),
            enterprise(resource),
            UserSettings.EMPTY);
    RosterUserMapper.Asked asked = roster(resource, current, collapse);
    return new UserDraft(
        resource.path("userName").asText(),
        text(resource, "externalId"),
        resource.path("active").asBoolean(true),
        asked.source(),
        withEnterprise.withRoster(asked.settings()),
        Optional.ofNullable(text(resource, "password")),
        asked.profile(),
        asked.hidden(),
        asked.writes());
  }

  private static RosterUserMapper.Asked roster(
      ObjectNode resource, User current, boolean collapse) {
    JsonNode ext = resource.get(ScimSchemas.ROSTER_USER_URN);
    if (current == null) {
      return RosterUserMapper.read(ext instanceof ObjectNode o ? o : NODES.objectNode(), collapse);
    }
    UserSettings kept = current.details().roster();
    if (!(ext instanceof ObjectNode o)) {
      return new RosterUserMapper.Asked(
          Optional.empty(),
          current.account().profile(),
          current.account().hidden(),
          kept,
          List.of());
    }
    RosterUserMapper.Asked asked = RosterUserMapper.read(o, false);
    UserSettings s = asked.settings();
    UserSettings merged =
        new UserSettings(
            s.comment(),
            s.userProperties(),
            o.has("adminProperties") ? s.adminProperties() : kept.adminProperties(),
            s.preferences(),
            s.secrets(),
            s.credentials(),
            o.has("trial") ? s.trial() : kept.trial());
    return new RosterUserMapper.Asked(
        asked.source(),
        o.has("profile") ? asked.profile() : current.account().profile(),
        asked.hidden(),
        merged,
        asked.writes());
  }

  public static ObjectNode toScim(User user, List<GroupRef> groups, ScimUrls urls) {
    return toScim(user, groups, List.of(), urls);
  }

  /**
   * @param effectivePermissions the user's entitlements and its groups' permissions, as computed by
   *     the store (empty when not shown)
   */
  public static ObjectNode toScim(
      User user, List<GroupRef> groups, List<String> effectivePermissions, ScimUrls urls) {
    ObjectNode out = NODES.objectNode();
    ArrayNode schemas = out.putArray("schemas").add(ScimSchemas.USER_URN);
    out.put("id", user.id().toString());
    if (user.externalId() != null) {
      out.put("externalId", user.externalId());
    }
    out.put("userName", user.userName());
    ObjectNode details = MAPPER.valueToTree(user.details());
    details.remove("enterprise");
    details.remove("roster");
    out.setAll(details);
    out.put("active", user.active());
    if (!groups.isEmpty()) {
      ArrayNode array = out.putArray("groups");
      for (GroupRef group : groups) {
        array
            .addObject()
            .put("value", group.id().toString())
            .put("$ref", urls.group(group.id()))
            .put("display", group.displayName())
            .put("type", "direct");
      }
    }
    EnterpriseData enterprise = user.details().enterprise();
    if (enterprise != null) {
      schemas.add(ScimSchemas.ENTERPRISE_USER_URN);
      out.set(ScimSchemas.ENTERPRISE_USER_URN, enterpriseNode(enterprise, urls));
    }
    schemas.add(ScimSchemas.ROSTER_USER_URN);
    out.set(
        ScimSchemas.ROSTER_USER_URN,
        RosterUserMapper.write(user.account(), user.details().roster(), effectivePermissions));
    MetaMapper.write(out, "User", user.meta(), urls.user(user.id()));
    return out;
  }

  private static UserDetails convert(ObjectNode details) {
    try {
      return MAPPER.treeToValue(details, UserDetails.class);
    } catch (JsonProcessingException e) {
      // The reader checked every type; reaching this means the schema and the records disagree.
      throw new IllegalStateException("user attributes do not fit the domain model", e);
    }
  }

  private static EnterpriseData enterprise(ObjectNode resource) {
    JsonNode ext = resource.get(ScimSchemas.ENTERPRISE_USER_URN);
    if (ext == null || !ext.isObject() || ext.isEmpty()) {
      return null;
    }
    Manager manager = null;
    JsonNode m = ext.get("manager");
    if (m != null && m.isObject() && !m.isEmpty()) {
      manager = new Manager(text(m, "value"), text(m, "$ref"), null);
      if (manager.value() == null || manager.value().isBlank()) {
        throw new Invalid(
            ScimSchemas.ENTERPRISE_USER_URN + ":manager.value", "is required when manager is set");
      }
    }
    return new EnterpriseData(
        text(ext, "employeeNumber"),
        text(ext, "costCenter"),
        text(ext, "organization"),
        text(ext, "division"),
        text(ext, "department"),
        manager);
  }

  private static ObjectNode enterpriseNode(EnterpriseData enterprise, ScimUrls urls) {
    ObjectNode node = NODES.objectNode();
    putIfSet(node, "employeeNumber", enterprise.employeeNumber());
    putIfSet(node, "costCenter", enterprise.costCenter());
    putIfSet(node, "organization", enterprise.organization());
    putIfSet(node, "division", enterprise.division());
    putIfSet(node, "department", enterprise.department());
    Manager manager = enterprise.manager();
    if (manager != null) {
      ObjectNode m = node.putObject("manager");
      m.put("value", manager.value());
      putIfSet(m, "$ref", manager.ref());
      putIfSet(m, "displayName", manager.displayName());
    }
    return node;
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
