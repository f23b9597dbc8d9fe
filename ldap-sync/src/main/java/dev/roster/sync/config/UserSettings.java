package dev.roster.sync.config;

/**
 * Where users are and how their attributes map.
 *
 * @param scope {@code sub} or {@code one}
 * @param anchorAttribute the stable id that survives renames: {@code entryUUID} (OpenLDAP), {@code
 *     objectGUID} (Active Directory), {@code nsUniqueId} (389-DS) or another attribute
 * @param disabledAttribute an attribute whose value {@code disabledValue} means disabled; {@code
 *     userAccountControl} means Active Directory's bit 2 (ACCOUNTDISABLE); null for none
 */
public record UserSettings(
    String baseDn,
    String scope,
    String filter,
    String userNameAttribute,
    String anchorAttribute,
    String givenNameAttribute,
    String familyNameAttribute,
    String displayNameAttribute,
    String emailAttribute,
    String disabledAttribute,
    String disabledValue,
    String defaultProfile) {}
