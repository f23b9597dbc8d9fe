package dev.roster.scim.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roster.domain.Account;
import dev.roster.domain.Clock;
import dev.roster.domain.Credential;
import dev.roster.domain.Invalid;
import dev.roster.domain.Property;
import dev.roster.domain.Secret;
import dev.roster.domain.SecretWrite;
import dev.roster.domain.Source;
import dev.roster.domain.Trial;
import dev.roster.domain.UserSettings;
import dev.roster.scim.schema.ScimSchemas;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Roster's User extension ({@code urn:roster:scim:extension:2.0:User}) ⇄ domain. Secret values and
 * credential passwords go one way only: into {@link SecretWrite}s, never back out.
 */
final class RosterUserMapper {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String URN = ScimSchemas.ROSTER_USER_URN;

  private RosterUserMapper() {}

  /** What a client's extension object asks for. */
  record Asked(
      Optional<Source> source,
      String profile,
      boolean hidden,
      UserSettings settings,
      List<SecretWrite> writes) {}

  /**
   * @param ext the extension object as the reader left it (canonical names, types checked)
   * @param collapse whether a later element with the key (or name) of an earlier one replaces it:
   *     what PATCH {@code add} of an existing key means; elsewhere a repeated key is an error
   */
  static Asked read(ObjectNode ext, boolean collapse) {
    List<SecretWrite> writes = new ArrayList<>();
    List<Secret> secrets = new ArrayList<>();
    for (JsonNode s : keep(ext.path("secrets"), "name", collapse)) {
      String name = s.path("name").asText();
      secrets.add(new Secret(name, null));
      secretValue(s, "value", "secrets", name)
          .ifPresent(v -> writes.add(new SecretWrite(SecretWrite.Kind.SECRET, name, v)));
    }
    List<Credential> credentials = new ArrayList<>();
    for (JsonNode c : keep(ext.path("credentials"), "name", collapse)) {
      String name = c.path("name").asText();
      credentials.add(
          new Credential(name, text(c, "kind"), text(c, "type"), text(c, "user"), null));
      secretValue(c, "password", "credentials", name)
          .ifPresent(v -> writes.add(new SecretWrite(SecretWrite.Kind.CREDENTIAL, name, v)));
    }
    UserSettings settings =
        new UserSettings(
            text(ext, "comment"),
            properties(ext.path("userProperties"), collapse),
            properties(ext.path("adminProperties"), collapse),
            properties(ext.path("preferences"), collapse),
            secrets,
            credentials,
            trial(ext.get("trial")));
    return new Asked(
        source(ext.get("source")),
        text(ext, "profile"),
        ext.path("hidden").asBoolean(false),
        settings,
        writes);
  }

  /** The extension as clients see it; {@code effectivePermissions} is computed by the caller. */
  static ObjectNode write(Account account, UserSettings s, List<String> effectivePermissions) {
    ObjectNode node = NODES.objectNode();
    node.put("source", account.source().name());
    putIfSet(node, "sourceName", account.sourceName());
    putIfSet(node, "ldapDn", account.ldapDn());
    putIfSet(node, "profile", account.profile());
    node.put("hidden", account.hidden());
    putIfSet(node, "comment", s.comment());
    properties(node, "userProperties", s.userProperties());
    properties(node, "adminProperties", s.adminProperties());
    properties(node, "preferences", s.preferences());
    if (!s.secrets().isEmpty()) {
      ArrayNode array = node.putArray("secrets");
      for (Secret secret : s.secrets()) {
        ObjectNode element = array.addObject().put("name", secret.name());
        putIfSet(element, "lastUpdate", secret.lastUpdate());
      }
    }
    if (!s.credentials().isEmpty()) {
      ArrayNode array = node.putArray("credentials");
      for (Credential c : s.credentials()) {
        ObjectNode element = array.addObject().put("name", c.name());
        putIfSet(element, "kind", c.kind());
        putIfSet(element, "type", c.type());
        putIfSet(element, "user", c.user());
        putIfSet(element, "lastUpdate", c.lastUpdate());
      }
    }
    Trial trial = s.trial();
    if (trial != null) {
      ObjectNode t = node.putObject("trial");
      putIfSet(t, "grantedOn", trial.grantedOn());
      putIfSet(t, "expiresOn", trial.expiresOn());
      Instant now = Clock.now();
      t.put("valid", trial.valid(now));
      t.put("expired", trial.expired(now));
    }
    putIfSet(node, "lastLogin", account.lastLogin());
    if (!effectivePermissions.isEmpty()) {
      ArrayNode array = node.putArray("effectivePermissions");
      effectivePermissions.forEach(array::add);
    }
    return node;
  }

  private static Optional<Source> source(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    for (Source source : Source.values()) {
      if (source.name().equalsIgnoreCase(node.asText())) {
        return Optional.of(source);
      }
    }
    throw new Invalid(URN + ":source", "must be LOCAL, LDAP or LOCAL_NO_AUTH");
  }

  private static Optional<String> secretValue(
      JsonNode element, String field, String attribute, String name) {
    JsonNode value = element.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.asText().isEmpty()) {
      throw new Invalid(
          URN + ":" + attribute + "[name eq \"" + name + "\"]." + field, "must not be empty");
    }
    return Optional.of(value.asText());
  }

  private static List<Property> properties(JsonNode array, boolean collapse) {
    return keep(array, "key", collapse).stream()
        .map(p -> new Property(p.path("key").asText(), text(p, "value")))
        .toList();
  }

  /** The elements of an array, a later one replacing an earlier one of the same key if asked. */
  private static List<JsonNode> keep(JsonNode array, String key, boolean collapse) {
    List<JsonNode> all = new ArrayList<>();
    array.forEach(all::add);
    if (!collapse) {
      return all;
    }
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    Function<JsonNode, String> keyOf = e -> e.path(key).asText();
    all.forEach(e -> byKey.put(keyOf.apply(e), e));
    return new ArrayList<>(byKey.values());
  }

  private static Trial trial(JsonNode node) {
    if (node == null || !node.isObject() || node.isEmpty()) {
      return null;
    }
    return new Trial(instant(node.get("grantedOn")), instant(node.get("expiresOn")));
  }

  private static Instant instant(JsonNode node) {
    return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asText()).toInstant();
  }

  private static void properties(ObjectNode node, String name, List<Property> properties) {
    if (!properties.isEmpty()) {
      ArrayNode array = node.putArray(name);
      for (Property p : properties) {
        ObjectNode element = array.addObject().put("key", p.key());
        putIfSet(element, "value", p.value());
      }
    }
  }

  private static void putIfSet(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putIfSet(ObjectNode node, String name, Instant value) {
    if (value != null) {
      node.put(name, value.toString());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
