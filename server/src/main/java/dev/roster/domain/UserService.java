package dev.roster.domain;

import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

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
          User current = locked(tenantId, id, ifMatch);
          return write(tenantId, current, draft, hash);
        });
  }

  /**
   * RFC 7644 §3.5.2: {@code change} computes the new attributes from the current user inside the
   * transaction that holds the user locked, so concurrent PATCHes of one user apply one after the
   * other and none is lost. A change that leaves every attribute as it was writes nothing and keeps
   * the version.
   *
   * @param newPassword a password the PATCH sets, kept apart so it is hashed before the lock
   */
  public User patch(
      UUID tenantId,
      UUID id,
      IfMatch ifMatch,
      Optional<String> newPassword,
      Function<User, UserDraft> change) {
    newPassword.ifPresent(Limits::password);
    // Hash before the transaction: the KDF is slow on purpose and must not hold the row lock.
    String hash = newPassword.map(hasher::hash).orElse(null);
    return tx.inTransaction(
        () -> {
          User current = locked(tenantId, id, ifMatch);
          UserDraft draft = change.apply(current).withPassword(newPassword);
          checkSizes(draft);
          if (hash == null && sameAttributes(current, draft)) {
            return current;
          }
          return write(tenantId, current, draft, hash);
        });
  }

  /** The user, locked until the transaction ends, at a version {@code ifMatch} accepts. */
  private User locked(UUID tenantId, UUID id, IfMatch ifMatch) {
    User current = users.findForUpdate(tenantId, id).orElseThrow(() -> NotFound.user(id));
    ifMatch.check(current.meta().version());
    return current;
  }

  private User write(UUID tenantId, User current, UserDraft draft, String hash) {
    Source source = current.account().source();
    if (draft.requestedSource().isPresent() && draft.requestedSource().get() != source) {
      throw new Invalid("source", "is immutable: this user is " + source);
    }
    checkPassword(source, draft);
    User replaced =
        new User(
            current.id(),
            draft.userName(),
            draft.externalId(),
            draft.active(),
            current.account(),
            draft.details(),
            new Meta(current.meta().created(), Clock.now(), current.meta().version()));
    return users.update(tenantId, replaced, hash);
  }

  private static boolean sameAttributes(User current, UserDraft draft) {
    return current.userName().equals(draft.userName())
        && Objects.equals(current.externalId(), draft.externalId())
        && current.active() == draft.active()
        && current.details().equals(draft.details())
        && draft.requestedSource().map(s -> s == current.account().source()).orElse(true);
  }

  public void delete(UUID tenantId, UUID id, IfMatch ifMatch) {
    tx.run(
        () -> {
          // Not locked first: deleting touches the user's groups, and a group PATCH that locked
          // one of them may be waiting for this user's row; locking it here could deadlock.
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
