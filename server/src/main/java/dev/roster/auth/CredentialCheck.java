package dev.roster.auth;

import dev.roster.domain.BadCredentials;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.Conflict;
import dev.roster.domain.Invalid;
import dev.roster.domain.PasswordHasher;
import dev.roster.domain.Source;
import dev.roster.domain.Unavailable;
import dev.roster.store.Transactions;
import dev.roster.store.UserStore;
import dev.roster.store.UserStore.Credentials;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.model.DirectoryNames;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.plan.SyncPlan;
import dev.roster.sync.plan.UserChange;
import dev.roster.sync.port.SyncStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a userName and password for a client that signs people in (issue 4, "Operating it"): LOCAL
 * users against their Argon2id hash, LDAP users by a bind as their entry against their source,
 * LOCAL_NO_AUTH users never (they sign in through SSO). A userName Roster does not know but a
 * directory does is provisioned on its first successful bind, as a sync would create it.
 *
 * <pre>{@code
 * Authenticated who = check.check(tenantId, "ada", password); // or BadCredentials, Unavailable, …
 * }</pre>
 *
 * <p>Every "no" is the one {@link BadCredentials}, whatever the cause; a directory that cannot
 * answer is {@link Unavailable} and changes nothing. Failures are counted per userName by a {@link
 * FailureThrottle}.
 */
public final class CredentialCheck {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialCheck.class);

  /** Who a successful check proved the caller to be. */
  public record Authenticated(UUID userId, String userName, Source source) {}

  private final Transactions tx;
  private final UserStore users;
  private final PasswordHasher hasher;
  private final SyncStore syncStore;
  private final Map<String, SourceSettings> sources = new LinkedHashMap<>();
  private final UUID directoryTenantId;
  private final FailureThrottle throttle;
  private final DirectoryCredentials directory = new DirectoryCredentials();
  private volatile String decoyHash;

  /**
   * @param sources the configured directories, searched in this order for unknown userNames
   * @param directoryTenantId the tenant the directories sync into (the sync store's tenant)
   */
  public CredentialCheck(
      Transactions tx,
      UserStore users,
      PasswordHasher hasher,
      SyncStore syncStore,
      List<SourceSettings> sources,
      UUID directoryTenantId,
      FailureThrottle throttle) {
    this.tx = tx;
    this.users = users;
    this.hasher = hasher;
    this.syncStore = syncStore;
    sources.forEach(source -> this.sources.put(source.name(), source));
    this.directoryTenantId = directoryTenantId;
    this.throttle = throttle;
  }

  public Authenticated check(UUID tenantId, String userName, String password) {
    if (userName == null || userName.isBlank()) {
      throw new Invalid("userName", "is required");
    }
    if (userName.indexOf('\u0000') >= 0
        || userName.length() > dev.roster.domain.Limits.NAME_LENGTH) {
      throw new Invalid("userName", "is not a valid userName");
    }
    if (password == null || password.isEmpty()) {
      // An LDAP bind with an empty password is an anonymous bind: it would "succeed".
      throw new Invalid("password", "is required and must not be empty");
    }
    try (FailureThrottle.Attempt attempt =
        throttle.begin(tenantId + "/" + CaseInsensitive.key(userName))) {
      try {
        Authenticated who = verify(tenantId, userName, password);
        attempt.succeeded();
        // The directory's users live in the directory's tenant; the lookup found them there.
        UUID owner = users.exists(tenantId, who.userId()) ? tenantId : directoryTenantId;
        tx.run(() -> users.recordLogin(owner, who.userId(), dev.roster.domain.Clock.now()));
        return who;
      } catch (BadCredentials e) {
        attempt.failed();
        throw e;
      }
    }
  }

  private Authenticated verify(UUID tenantId, String userName, String password) {
    Optional<Credentials> known = tx.inTransaction(() -> users.credentials(tenantId, userName));
    if (known.isEmpty()) {
      return tenantId.equals(directoryTenantId) ? provision(userName, password) : unknown(password);
    }
    Credentials user = known.get();
    switch (user.source()) {
      case LOCAL_NO_AUTH ->
          throw new Invalid(
              "userName", "this user signs in through SSO; Roster keeps no password for it");
      case LOCAL -> {
        boolean matches =
            user.passwordHash() != null && hasher.matches(password, user.passwordHash());
        if (!matches || !user.active()) {
          throw new BadCredentials();
        }
      }
      case LDAP -> {
        if (!user.active()) {
          // Inactive: no question goes to the directory, and the answer is the same "no".
          throw new BadCredentials();
        }
        directory.bind(source(user.sourceName()), user.ldapDn(), password);
      }
    }
    return new Authenticated(user.id(), user.userName(), user.source());
  }

  /** A userName Roster does not know: the first directory holding it decides. */
  private Authenticated provision(String userName, String password) {
    for (SourceSettings source : sources.values()) {
      Optional<DirectoryUser> entry = directory.find(source, userName);
      if (entry.isPresent()) {
        return provision(source, entry.get(), password);
      }
    }
    return unknown(password);
  }

  private Authenticated provision(SourceSettings source, DirectoryUser entry, String password) {
    Optional<Credentials> renamed =
        tx.inTransaction(
            () -> users.credentialsByAnchor(directoryTenantId, source.name(), entry.anchor()));
    if (!entry.enabled() || renamed.map(user -> !user.active()).orElse(false)) {
      throw new BadCredentials();
    }
    directory.bind(source, entry.dn(), password);
    if (renamed.isPresent()) {
      // The entry is synced under its old name (renamed since the last run): the same user; the
      // next run renames it.
      return new Authenticated(renamed.get().id(), renamed.get().userName(), Source.LDAP);
    }
    SyncPlan plan =
        new SyncPlan(
            source.name(), List.of(new UserChange.Create(entry)), List.of(), List.of(), List.of());
    try {
      syncStore.apply(source.name(), plan);
      LOG.info("authenticate provisioned userName={} source={}", entry.userName(), source.name());
    } catch (Conflict e) {
      // Created meanwhile by a sync or a parallel sign-in: fine if it is this entry's user.
      if (!isEntryOf(source, entry)) {
        throw e;
      }
    }
    Credentials created =
        tx.inTransaction(() -> users.credentials(directoryTenantId, entry.userName()))
            .orElseThrow(() -> new IllegalStateException("a provisioned user is missing"));
    return new Authenticated(created.id(), created.userName(), Source.LDAP);
  }

  private boolean isEntryOf(SourceSettings source, DirectoryUser entry) {
    return tx.inTransaction(() -> users.credentials(directoryTenantId, entry.userName()))
        .filter(user -> user.source() == Source.LDAP && source.name().equals(user.sourceName()))
        .filter(user -> DirectoryNames.normalize(user.ldapDn()).equals(entry.dn()))
        .isPresent();
  }

  /** No such user: spend the time a hash check takes, so the answer's timing does not tell. */
  private Authenticated unknown(String password) {
    hasher.matches(password, decoyHash());
    throw new BadCredentials();
  }

  private String decoyHash() {
    String hash = decoyHash;
    if (hash == null) {
      hash = hasher.hash(UUID.randomUUID().toString());
      decoyHash = hash;
    }
    return hash;
  }

  private SourceSettings source(String name) {
    SourceSettings source = name == null ? null : sources.get(name);
    if (source == null) {
      LOG.warn("authenticate source={} is not configured; its users cannot sign in", name);
      throw new Unavailable(
          "the directory source of this user is not configured; ask an administrator");
    }
    return source;
  }
}
