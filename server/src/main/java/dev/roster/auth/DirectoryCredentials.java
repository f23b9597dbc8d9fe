package dev.roster.auth;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import dev.roster.domain.BadCredentials;
import dev.roster.domain.Unavailable;
import dev.roster.sync.config.GroupSettings;
import dev.roster.sync.config.Secret;
import dev.roster.sync.config.SourceSettings;
import dev.roster.sync.config.UserSettings;
import dev.roster.sync.model.DirectoryUser;
import dev.roster.sync.read.DirectoryConnector;
import dev.roster.sync.read.DirectoryReadException;
import dev.roster.sync.read.DirectoryReader;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password checks against a directory: a simple bind as the user's entry (RFC 4513 §5.1.3), over a
 * connection of its own made as the source says (failover, TLS, timeouts), and the search that
 * finds an entry Roster has not synced yet. Only {@code invalidCredentials} means "wrong"; any
 * other outcome is {@link Unavailable}: a directory that cannot answer never makes a user fail.
 */
final class DirectoryCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryCredentials.class);

  /** Checks {@code password} by binding as {@code dn}; throws when it is not a success. */
  void bind(SourceSettings source, String dn, String password) {
    // DirectoryConnector leaves a blank DN anonymous, and an anonymous bind proves nothing.
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException("a user bind needs a password");
    }
    if (dn == null || dn.isBlank()) {
      LOG.warn(
          "authenticate source={}: an LDAP user without a DN cannot be checked", source.name());
      throw unavailable(source);
    }
    try (LDAPConnection connection = DirectoryConnector.connect(source.connection())) {
      DirectoryConnector.bind(connection, dn, Secret.of(password));
    } catch (DirectoryReadException e) {
      if ("invalidCredentials".equals(e.resultCode())) {
        throw new BadCredentials();
      }
      throw unavailable(source, e);
    }
  }

  /**
   * The entry of {@code userName} in the source, mapped as a sync maps it; empty when there is
   * none. The search is the source's users search narrowed by {@code (userNameAttribute=value)},
   * the value escaped by the SDK's filter builder, read by the same strict reader as a sync.
   */
  Optional<DirectoryUser> find(SourceSettings source, String userName) {
    List<DirectoryUser> found;
    try {
      found = new DirectoryReader().read(narrowed(source, userName)).users();
    } catch (DirectoryReadException e) {
      throw unavailable(source, e);
    } catch (LDAPException e) {
      LOG.warn(
          "authenticate source={} users.filter does not parse: {}", source.name(), e.getMessage());
      throw unavailable(source);
    }
    if (found.size() > 1) {
      // Two entries answer to one userName: the directory cannot say who this is.
      LOG.warn(
          "authenticate source={} userName={} matches {} entries; refused",
          source.name(),
          userName,
          found.size());
      throw new BadCredentials();
    }
    return found.stream().findFirst();
  }

  /** The source reading only the users named {@code userName}, and no groups. */
  private static SourceSettings narrowed(SourceSettings source, String userName)
      throws LDAPException {
    UserSettings users = source.users();
    Filter byName = Filter.createEqualityFilter(users.userNameAttribute(), userName);
    Filter filter =
        users.filter() == null || users.filter().isBlank()
            ? byName
            : Filter.createANDFilter(Filter.create(users.filter()), byName);
    UserSettings one =
        new UserSettings(
            users.baseDn(),
            users.scope(),
            filter.toString(),
            users.userNameAttribute(),
            users.anchorAttribute(),
            users.givenNameAttribute(),
            users.familyNameAttribute(),
            users.displayNameAttribute(),
            users.emailAttribute(),
            users.disabledAttribute(),
            users.disabledValue(),
            users.defaultProfile());
    GroupSettings noGroups = new GroupSettings(null, null, null, null, null, false);
    return new SourceSettings(
        source.name(), source.connection(), one, noGroups, source.mapping(), source.policy());
  }

  private static Unavailable unavailable(SourceSettings source, DirectoryReadException e) {
    // The exception's message names the phase and the LDAP result, never the password.
    LOG.warn(
        "authenticate source={} result={} error={}", source.name(), e.resultCode(), e.getMessage());
    return unavailable(source);
  }

  private static Unavailable unavailable(SourceSettings source) {
    return new Unavailable(
        "the directory of source '"
            + source.name()
            + "' cannot check passwords now; try again later");
  }
}
