package dev.roster.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The directories Roster synchronizes from: {@code ldap.sources}, any number. */
public record LdapConfig(
    @NotNull(message = "must be a list") List<@Valid LdapSourceConfig> sources) {}
