package dev.roster.sync.config;

/**
 * Everything the synchronizer needs to know about one directory source. Bound from the {@code
 * ldap.sources[i]} entries of roster.yaml by the server, which validates it.
 *
 * @param name the source's name; memberships it makes carry origin {@code LDAP:<name>}
 */
public record SourceSettings(
    String name,
    ConnectionSettings connection,
    UserSettings users,
    GroupSettings groups,
    MappingSettings mapping,
    PolicySettings policy) {}
