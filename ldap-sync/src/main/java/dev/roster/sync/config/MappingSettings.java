package dev.roster.sync.config;

/**
 * What directory groups become in Roster.
 *
 * @param mirrorGroups create an LDAP-source Roster group for each directory group
 * @param ldapGroupNames put members into the local groups whose {@code ldapGroupNames} name a
 *     directory group (Dataiku DSS behaviour)
 */
public record MappingSettings(boolean mirrorGroups, boolean ldapGroupNames) {}
