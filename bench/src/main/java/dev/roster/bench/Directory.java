package dev.roster.bench;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

/** A directory the sync reads: where it listens, and how the bench changes entries in it. */
interface Directory extends AutoCloseable {
  String name();

  String host();

  int port();

  default String url() {
    return "ldap://" + host() + ":" + port();
  }

  /** Changes {@code count} users' surnames, spread over the directory, as its administrator. */
  default void changeUsers(int count, int users, String mark) throws LDAPException {
    try (LDAPConnection connection =
        new LDAPConnection(host(), port(), DirectoryLdif.ROOT_DN, DirectoryLdif.ROOT_PASSWORD)) {
      for (int i = 0; i < count; i++) {
        int index = (int) ((long) i * users / count);
        connection.modify(
            DirectoryLdif.userDn(index),
            new Modification(ModificationType.REPLACE, "sn", "Changed-" + mark + "-" + index));
      }
    }
  }

  @Override
  void close();
}
