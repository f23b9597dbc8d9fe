package dev.roster.domain;

import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import java.time.Instant;
import java.util.List;
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
  private final SecretCipher cipher;
  private final Profiles profiles;
  private final AdministratorGuard guard;

  public UserService(
      Transactions tx,
      UserStore users,
      PasswordHasher hasher,
      SecretCipher cipher,
      Profiles profiles,
      AdministratorGuard guard) {
    this.tx = tx;
    this.users = users;
    this.hasher = hasher;
    this.cipher = cipher;
    this.profiles = profiles;
    this.guard = guard;
  }

  /** A password makes a LOCAL user; without one the user signs in through SSO (LOCAL_NO_AUTH). */
  public User create(UUID tenantId, UserDraft draft, Scope scope) {
    Source source =
        draft
            .requestedSource()
            .orElse(draft.password().isPresent() ? Source.LOCAL : Source.LOCAL_NO_AUTH);
    checkSizes(draft);
    checkPassword(source, draft);
    UserRules.checkValues(draft.details());
    String profile = profiles.check(draft.profile());
    if (!scope.allows(Scope.ADMIN)) {
      UserRules.checkAdminOnly(null, draft, profiles.defaultProfile());
    }
    // Hash and seal before the transaction: the KDF is slow on purpose and must not hold a
    // connection.
    String hash = draft.password().map(hasher::hash).orElse(null);
    List<UserStore.SealedSecret> sealed = seal(draft.secretWrites());
    Instant now = Clock.now();
    UserDetails details = draft.details().withRoster(UserRules.stampSecrets(null, draft, now));
    User user =
        new User(
            Ids.next(),
            draft.userName(),
            draft.externalId(),
            draft.active(),
            Account.of(source).withSettings(profile, draft.hidden()),
            details,
            new Meta(now, now, 0));
    return tx.inTransaction(
        () -> {
          User created = users.insert(tenantId, user, hash);
          if (!sealed.isEmpty()) {
            users.writeSecrets(tenantId, created.id(), sealed, details.roster());
          }
          return created;
        });
  }

  /**
   * RFC 7644 §3.5.1: the writable attributes are replaced; the source stays. {@code change}
   * computes the draft from the current user, inside the transaction that holds it locked.
   */
  public User replace(
      UUID tenantId,
      UUID id,
      IfMatch ifMatch,
      Optional<String> password,
      Function<User, UserDraft> change,
      Scope scope) {
    return write(tenantId, id, ifMatch, password, change, scope, false);
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
      Function<User, UserDraft> change,
      Scope scope) {
    return write(tenantId, id, ifMatch, newPassword, change, scope, true);
  }

  private User write(
      UUID tenantId,
      UUID id,
      IfMatch ifMatch,
      Optional<String> newPassword,
      Function<User, UserDraft> change,
      Scope scope,
      boolean skipUnchanged) {
    newPassword.ifPresent(Limits::password);
    // Hash before the transaction: the KDF is slow on purpose and must not hold the row lock.
    String hash = newPassword.map(hasher::hash).orElse(null);
    return tx.inTransaction(
        () -> {
          User current = locked(tenantId, id, ifMatch);
          UserDraft draft = change.apply(current).withPassword(newPassword);
          checkSizes(draft);
          if (skipUnchanged
              && hash == null
              && draft.secretWrites().isEmpty()
              && sameAttributes(current, draft)) {
            return current;
          }
          return write(tenantId, current, draft, hash, scope);
        });
  }

  /** The user, locked until the transaction ends, at a version {@code ifMatch} accepts. */
  private User locked(UUID tenantId, UUID id, IfMatch ifMatch) {
    User current = users.findForUpdate(tenantId, id).orElseThrow(() -> NotFound.user(id));
    ifMatch.check(current.meta().version());
    return current;
  }

  private User write(UUID tenantId, User current, UserDraft draft, String hash, Scope scope) {
    Source source = current.account().source();
    if (draft.requestedSource().isPresent() && draft.requestedSource().get() != source) {
      throw new NotWritable(
          UserRules.ROSTER
              + ":source is immutable: this user is "
              + source
              + " and stays so (create a new user for another source)");
    }
    checkPassword(source, draft);
    UserRules.checkValues(draft.details());
    String profile = profiles.check(draft.profile());
    if (source == Source.LDAP) {
      UserRules.checkDirectoryOwned(current, draft);
    }
    if (!scope.allows(Scope.ADMIN)) {
      UserRules.checkAdminOnly(current, draft, current.account().profile());
    }
    // Sealing is fast (AES-GCM), unlike hashing, so it may happen under the lock.
    List<UserStore.SealedSecret> sealed = seal(draft.secretWrites());
    UserDetails details =
        draft.details().withRoster(UserRules.stampSecrets(current, draft, Clock.now()));
    User replaced =
        new User(
            current.id(),
            draft.userName(),
            draft.externalId(),
            draft.active(),
            current.account().withSettings(profile, draft.hidden()),
            details,
            new Meta(current.meta().created(), Clock.now(), current.meta().version()));
    User written = users.update(tenantId, replaced, hash);
    if (holdsSecrets(current.details().roster()) || holdsSecrets(details.roster())) {
      users.writeSecrets(tenantId, written.id(), sealed, details.roster());
    }
    // A user write demotes only by disabling the user or taking the admin role away (admin
    // groups change through groups), so most writes need no question to the database here.
    boolean disabling = current.active() && !written.active();
    boolean losingRole =
        current.active()
            && AdministratorGuard.hasAdminRole(current.details())
            && !AdministratorGuard.hasAdminRole(written.details());
    if ((disabling || losingRole)
        && guard.isActiveAdministrator(tenantId, current)
        && !guard.isActiveAdministrator(tenantId, written)) {
      guard.check(
          tenantId,
          true,
          (disabling ? "disabling" : "demoting") + " user '" + current.userName() + "'");
    }
    return written;
  }

  private static boolean holdsSecrets(UserSettings settings) {
    return !settings.secrets().isEmpty() || !settings.credentials().isEmpty();
  }

  private List<UserStore.SealedSecret> seal(List<SecretWrite> writes) {
    return writes.stream()
        .map(w -> new UserStore.SealedSecret(w.kind(), w.name(), cipher.seal(w.clear())))
        .toList();
  }

  /** Whether a draft without new secret values asks for the user exactly as it is. */
  private boolean sameAttributes(User current, UserDraft draft) {
    UserDetails asked =
        draft.details().withRoster(UserRules.stampSecrets(current, draft, Instant.EPOCH));
    return current.userName().equals(draft.userName())
        && Objects.equals(current.externalId(), draft.externalId())
        && current.active() == draft.active()
        && current.details().equals(asked)
        && Objects.equals(current.account().profile(), profiles.check(draft.profile()))
        && current.account().hidden() == draft.hidden()
        && draft.requestedSource().map(s -> s == current.account().source()).orElse(true);
  }

  public void delete(UUID tenantId, UUID id, IfMatch ifMatch) {
    tx.run(
        () -> {
          // Not locked first: deleting touches the user's groups, and a group PATCH that locked
          // one of them may be waiting for this user's row; locking it here could deadlock.
          User current = users.find(tenantId, id).orElseThrow(() -> NotFound.user(id));
          ifMatch.check(current.meta().version());
          boolean wasAdministrator = guard.isActiveAdministrator(tenantId, current);
          users.delete(tenantId, id);
          guard.check(tenantId, wasAdministrator, "deleting user '" + current.userName() + "'");
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
