package dev.roster.domain;

import java.util.List;

/**
 * What Roster's User extension keeps beyond the account columns: comment, properties, preferences,
 * the names of secrets and credentials, and the trial. Secret values and passwords are not here:
 * they are encrypted apart ({@link SecretWrite}) and never read back.
 */
public record UserSettings(
    String comment,
    List<Property> userProperties,
    List<Property> adminProperties,
    List<Property> preferences,
    List<Secret> secrets,
    List<Credential> credentials,
    Trial trial) {

  public static final UserSettings EMPTY =
      new UserSettings(null, List.of(), List.of(), List.of(), List.of(), List.of(), null);

  public UserSettings {
    userProperties = nonNull(userProperties);
    adminProperties = nonNull(adminProperties);
    preferences = nonNull(preferences);
    secrets = nonNull(secrets);
    credentials = nonNull(credentials);
  }

  public UserSettings withSecrets(List<Secret> newSecrets, List<Credential> newCredentials) {
    return new UserSettings(
        comment, userProperties, adminProperties, preferences, newSecrets, newCredentials, trial);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
