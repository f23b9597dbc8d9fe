package dev.roster.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The checks a user write passes, apart from the service's flow so each reads on its own. */
final class UserRules {
  static final String ROSTER = "urn:roster:scim:extension:2.0:User";

  /** Preferences whose values are switches, written "true" or "false". */
  private static final Set<String> BOOLEAN_PREFERENCES =
      Set.of("dailyDigestEmails", "discussionEmails", "rememberPositionFlow");

  private UserRules() {}

  /** Keys and names are unique per attribute, as are roles and entitlements. */
  static void checkValues(UserDetails details) {
    UserSettings s = details.roster();
    unique("userProperties", s.userProperties(), Property::key);
    unique("adminProperties", s.adminProperties(), Property::key);
    unique("preferences", s.preferences(), Property::key);
    unique("secrets", s.secrets(), Secret::name);
    unique("credentials", s.credentials(), Credential::name);
    uniqueIgnoringCase("roles", details.roles());
    uniqueIgnoringCase("entitlements", details.entitlements());
    for (Property preference : s.preferences()) {
      if (BOOLEAN_PREFERENCES.contains(preference.key())
          && !("true".equals(preference.value()) || "false".equals(preference.value()))) {
        throw new Invalid(
            ROSTER + ":preferences[key eq \"" + preference.key() + "\"].value",
            "must be \"true\" or \"false\"");
      }
    }
    Trial trial = s.trial();
    if (trial != null
        && trial.grantedOn() != null
        && trial.expiresOn() != null
        && trial.expiresOn().isBefore(trial.grantedOn())) {
      throw new Invalid(ROSTER + ":trial.expiresOn", "must not be before trial.grantedOn");
    }
  }

  private static <T> void unique(String attribute, List<T> values, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    for (T value : values) {
      String k = key.apply(value);
      if (!seen.add(k)) {
        throw new Invalid(
            ROSTER + ":" + attribute, "'" + k + "' appears more than once; each may appear once");
      }
    }
  }

  private static void uniqueIgnoringCase(String attribute, List<MultiValue> values) {
    Set<String> seen = new HashSet<>();
    for (MultiValue value : values) {
      if (value.value() != null && !seen.add(value.value().toLowerCase(Locale.ROOT))) {
        throw new Invalid(
            attribute, "'" + value.value() + "' appears more than once; each may appear once");
      }
    }
  }

  /**
   * The attributes the directory writes on its users (DirectoryAttributes, the sync): a SCIM write
   * that changes one would be undone by the next sync, so it is refused and named instead.
   */
  static void checkDirectoryOwned(User current, UserDraft draft) {
    List<String> changed = new ArrayList<>();
    UserDetails was = current.details();
    UserDetails now = draft.details();
    if (!current.userName().equals(draft.userName())) {
      changed.add("userName");
    }
    if (!Objects.equals(was.displayName(), now.displayName())) {
      changed.add("displayName");
    }
    Name a = was.name() == null ? new Name(null, null, null, null, null, null) : was.name();
    Name b = now.name() == null ? new Name(null, null, null, null, null, null) : now.name();
    if (!Objects.equals(a.givenName(), b.givenName())) {
      changed.add("name.givenName");
    }
    if (!Objects.equals(a.familyName(), b.familyName())) {
      changed.add("name.familyName");
    }
    if (!Objects.equals(a.formatted(), b.formatted())) {
      changed.add("name.formatted");
    }
    if (!Objects.equals(primaryEmail(was), primaryEmail(now))) {
      changed.add("emails (the primary one)");
    }
    if (!changed.isEmpty()) {
      throw new NotWritable(
          "this user's source is LDAP: "
              + String.join(", ", changed)
              + (changed.size() == 1 ? " is" : " are")
              + " owned by the directory and cannot be changed over SCIM; change the directory"
              + " entry instead");
    }
  }

  private static String primaryEmail(UserDetails details) {
    return details.emails().stream()
        .filter(e -> Boolean.TRUE.equals(e.primary()))
        .findFirst()
        .or(() -> details.emails().stream().findFirst())
        .map(e -> e.value() == null ? null : e.value().toLowerCase(Locale.ROOT))
        .orElse(null);
  }

  /**
   * adminProperties, trial and profile decide what a user may do on the platform (licences and
   * administrator-only settings), so only an admin-scope token may change them.
   *
   * @param current the user before the write, or null on create
   * @param currentProfile the profile the user has now (on create: the default)
   */
  static void checkAdminOnly(User current, UserDraft draft, String currentProfile) {
    UserSettings was = current == null ? UserSettings.EMPTY : current.details().roster();
    UserSettings now = draft.details().roster();
    List<String> changed = new ArrayList<>();
    if (!was.adminProperties().equals(now.adminProperties())) {
      changed.add("adminProperties");
    }
    if (!Objects.equals(was.trial(), now.trial())) {
      changed.add("trial");
    }
    if (draft.profile() != null && !draft.profile().equals(currentProfile)) {
      changed.add("profile");
    }
    if (!changed.isEmpty()) {
      throw new Forbidden(
          changed.stream().map(c -> ROSTER + ":" + c).collect(Collectors.joining(", "))
              + (changed.size() == 1 ? " needs" : " need")
              + " a token with the admin scope to be changed; this token's scope is lower");
    }
  }

  /**
   * The settings with each secret's and credential's lastUpdate: now for the ones this write sets,
   * as before for the ones it keeps. A new secret without a value has nothing to keep: refused.
   */
  static UserSettings stampSecrets(User current, UserDraft draft, Instant now) {
    UserSettings was = current == null ? UserSettings.EMPTY : current.details().roster();
    UserSettings asked = draft.details().roster();
    Set<String> setSecrets = names(draft, SecretWrite.Kind.SECRET);
    Set<String> setCredentials = names(draft, SecretWrite.Kind.CREDENTIAL);
    Map<String, Secret> oldSecrets =
        was.secrets().stream().collect(Collectors.toMap(Secret::name, s -> s));
    Map<String, Credential> oldCredentials =
        was.credentials().stream().collect(Collectors.toMap(Credential::name, c -> c));
    List<Secret> secrets = new ArrayList<>();
    for (Secret secret : asked.secrets()) {
      if (setSecrets.contains(secret.name())) {
        secrets.add(new Secret(secret.name(), now));
      } else if (oldSecrets.containsKey(secret.name())) {
        secrets.add(oldSecrets.get(secret.name()));
      } else {
        throw new Invalid(
            ROSTER + ":secrets[name eq \"" + secret.name() + "\"].value",
            "is required for a new secret");
      }
    }
    List<Credential> credentials = new ArrayList<>();
    for (Credential c : asked.credentials()) {
      Instant lastUpdate =
          setCredentials.contains(c.name())
              ? now
              : oldCredentials.containsKey(c.name())
                  ? oldCredentials.get(c.name()).lastUpdate()
                  : null;
      credentials.add(new Credential(c.name(), c.kind(), c.type(), c.user(), lastUpdate));
    }
    return asked.withSecrets(secrets, credentials);
  }

  private static Set<String> names(UserDraft draft, SecretWrite.Kind kind) {
    return draft.secretWrites().stream()
        .filter(w -> w.kind() == kind)
        .map(SecretWrite::name)
        .collect(Collectors.toSet());
  }
}
