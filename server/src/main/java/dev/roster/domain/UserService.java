package dev.roster.domain;

import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import java.time.Instant;
import java.util.UUID;

/**
 * The rules of creating, replacing and deleting users (design: "Source rules"). Reads go straight
 * to the {@link UserStore}; every write here is one transaction.
 */
public final class UserService {
  private final Transactions tx;
  private final UserStore users;
  private final PasswordHasher hasher;

  public UserService(Transactions tx, UserStore users, PasswordHasher hasher) {
    this.tx = tx;
    this.users = users;
    this.hasher = hasher;
  }

  /** A password makes a LOCAL user; without one the user signs in through SSO (LOCAL_NO_AUTH). */
  public User create(UUID tenantId, UserDraft draft) {
    Source source =
        draft
            .requestedSource()
            .orElse(draft.password().isPresent() ? Source.LOCAL : Source.LOCAL_NO_AUTH);
    checkSizes(draft);
    checkPassword(source, draft);
    // Hash before the transaction: the KDF is slow on purpose and must not hold a connection.
    String hash = draft.password().map(hasher::hash).orElse(null);
    Instant now = Clock.now();
    User user =
        new User(
            UUID.randomUUID(),
            draft.userName(),
            draft.externalId(),
            draft.active(),
            Account.of(source),
            draft.details(),
            new Meta(now, now, 0));
    return tx.inTransaction(() -> users.insert(tenantId, user, hash));
  }

  /**
   * RFC 7644 §3.5.1: the writable attributes are replaced; the source and password stay unless
   * given.
   */
  public User replace(UUID tenantId, UUID id, UserDraft draft, IfMatch ifMatch) {
    checkSizes(draft);
    String hash = draft.password().map(hasher::hash).orElse(null);
    return tx.inTransaction(
        () -> {
          User current = users.find(tenantId, id).orElseThrow(() -> NotFound.user(id));
          ifMatch.check(current.meta().version());
          Source source = current.account().source();
          if (draft.requestedSource().isPresent() && draft.requestedSource().get() != source) {
            throw new Invalid("source", "is immutable: this user is " + source);
          }
          checkPassword(source, draft);
          User replaced =
              new User(
                  id,
                  draft.userName(),
                  draft.externalId(),
                  draft.active(),
                  current.account(),
                  draft.details(),
                  new Meta(current.meta().created(), Clock.now(), current.meta().version()));
          return users.update(tenantId, replaced, hash);
        });
  }

  public void delete(UUID tenantId, UUID id, IfMatch ifMatch) {
    tx.run(
        () -> {
          User current = users.find(tenantId, id).orElseThrow(() -> NotFound.user(id));
          ifMatch.check(current.meta().version());
          users.delete(tenantId, id);
        });
  }

  private static void checkSizes(UserDraft draft) {
    Limits.name("userName", draft.userName());
    Limits.name("externalId", draft.externalId());
    Limits.name("displayName", draft.details().displayName());
    draft.password().ifPresent(Limits::password);
  }

  /** Why a password is refused: SSO-only and directory accounts keep none in Roster. */
  private static void checkPassword(Source source, UserDraft draft) {
    if (draft.password().isEmpty()) {
      return;
    }
    switch (source) {
      case LOCAL_NO_AUTH ->
          throw new Invalid(
              "password", "LOCAL_NO_AUTH users sign in through SSO and cannot have a password");
      case LDAP ->
          throw new Invalid("password", "LDAP users sign in with their directory password");
      case LOCAL -> {}
    }
  }
}
