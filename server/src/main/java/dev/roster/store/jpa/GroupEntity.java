package dev.roster.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code user_group}. Memberships are rows of their own, never a collection here. */
@Entity
@Table(name = "user_group")
class GroupEntity {
  @Id UUID id;

  @Column(name = "tenant_id", nullable = false)
  UUID tenantId;

  @Column(name = "display_name", nullable = false)
  String displayName;

  @Column(name = "display_name_lower", nullable = false)
  String displayNameLower;

  @Column(name = "external_id")
  String externalId;

  @Column(nullable = false)
  String source;

  @Column(name = "source_name")
  String sourceName;

  @Column(name = "ldap_uuid")
  String ldapUuid;

  @Column(nullable = false, length = 1_000_000)
  String attributes;

  /** Directory group names whose members the sync adds here, as a JSON array; null for none. */
  @Column(name = "ldap_group_names")
  String ldapGroupNames;

  /** Whether members administer the tenant (V6). */
  @Column(nullable = false)
  boolean admin;

  @Column(nullable = false)
  Instant created;

  @Column(name = "last_modified", nullable = false)
  Instant lastModified;

  @Version
  @Column(nullable = false)
  long version;
}
