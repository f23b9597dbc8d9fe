package dev.roster.store.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** A row of {@code user_account}; see V1__foundation.sql for why the columns are what they are. */
@Entity
@Table(name = "user_account")
class UserEntity {
  @Id UUID id;

  @Column(name = "tenant_id", nullable = false)
  UUID tenantId;

  @Column(name = "user_name", nullable = false)
  String userName;

  @Column(name = "user_name_lower", nullable = false)
  String userNameLower;

  @Column(name = "external_id")
  String externalId;

  @Column(name = "display_name")
  String displayName;

  @Column(name = "display_name_lower")
  String displayNameLower;

  @Column(nullable = false)
  boolean active;

  @Column(nullable = false)
  String source;

  @Column(name = "source_name")
  String sourceName;

  @Column(name = "ldap_dn")
  String ldapDn;

  @Column(name = "ldap_uuid")
  String ldapUuid;

  String profile;

  @Column(nullable = false)
  boolean hidden;

  /** Why the user is inactive: LEFT_DIRECTORY, DIRECTORY or ADMIN (see V2__ldap_sync.sql). */
  @Column(name = "disabled_reason")
  String disabledReason;

  /** When the user last signed in through /admin/authenticate (V6). */
  @Column(name = "last_login")
  Instant lastLogin;

  @Column(name = "password_hash")
  String passwordHash;

  @Column(nullable = false, length = 1_000_000)
  String attributes;

  @Column(nullable = false)
  Instant created;

  @Column(name = "last_modified", nullable = false)
  Instant lastModified;

  @Version
  @Column(nullable = false)
  long version;

  /**
   * The searchable values, rewritten whole by {@link UserValues#index} on every write. Loaded only
   * if touched, never for a read. Re-indexing does not change the resource, so it neither moves the
   * version (the ETag) nor counts as a concurrent change.
   */
  @ElementCollection
  @CollectionTable(name = "user_value", joinColumns = @JoinColumn(name = "user_id"))
  @OptimisticLock(excluded = true)
  List<UserValue> values = new ArrayList<>();

  /** The {@link UserValues#VERSION} the values were written with. */
  @Column(name = "search_version", nullable = false)
  @OptimisticLock(excluded = true)
  int searchVersion;
}
