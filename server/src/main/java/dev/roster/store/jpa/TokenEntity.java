package dev.roster.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code access_token}. */
@Entity
@Table(name = "access_token")
class TokenEntity {
  @Id UUID id;

  @Column(name = "tenant_id", nullable = false)
  UUID tenantId;

  @Column(nullable = false)
  String name;

  @Column(name = "name_lower", nullable = false)
  String nameLower;

  @Column(name = "owner_user_id")
  UUID ownerUserId;

  @Column(nullable = false)
  String scope;

  @Column(name = "token_hash", nullable = false)
  String tokenHash;

  @Column(nullable = false)
  Instant created;

  @Column(name = "last_used")
  Instant lastUsed;

  Instant expires;
}
