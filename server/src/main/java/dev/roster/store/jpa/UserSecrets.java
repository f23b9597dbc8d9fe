package dev.roster.store.jpa;

import dev.roster.domain.Credential;
import dev.roster.domain.Secret;
import dev.roster.domain.SecretCipher;
import dev.roster.domain.SecretWrite;
import dev.roster.domain.UserSettings;
import dev.roster.store.UserStore.SealedSecret;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The rows of {@code user_secret} (V6__roster_extension.sql): encrypted secret values and
 * credential passwords, apart from the user's JSON so that nothing reading a user holds them.
 */
final class UserSecrets {
  private static final int BATCH = 500;

  private UserSecrets() {}

  static void write(
      Session session,
      UUID tenantId,
      UUID userId,
      List<SealedSecret> sealed,
      UserSettings settings) {
    Set<String> secrets = settings.secrets().stream().map(Secret::name).collect(Collectors.toSet());
    Set<String> credentials =
        settings.credentials().stream().map(Credential::name).collect(Collectors.toSet());
    removeOthers(session, userId, SecretWrite.Kind.SECRET, secrets);
    removeOthers(session, userId, SecretWrite.Kind.CREDENTIAL, credentials);
    for (SealedSecret secret : sealed) {
      session
          .createNativeMutationQuery(
              "delete from user_secret where user_id = :user and kind = :kind and name = :name")
          .setParameter("user", userId)
          .setParameter("kind", secret.kind().name())
          .setParameter("name", secret.name())
          .executeUpdate();
      session
          .createNativeMutationQuery(
              "insert into user_secret (user_id, tenant_id, kind, name, key_id, ciphertext)"
                  + " values (:user, :tenant, :kind, :name, :key, :ciphertext)")
          .setParameter("user", userId)
          .setParameter("tenant", tenantId)
          .setParameter("kind", secret.kind().name())
          .setParameter("name", secret.name())
          .setParameter("key", secret.sealed().keyId())
          .setParameter("ciphertext", secret.sealed().ciphertext())
          .executeUpdate();
    }
  }

  private static void removeOthers(
      Session session, UUID userId, SecretWrite.Kind kind, Set<String> kept) {
    String sql = "delete from user_secret where user_id = :user and kind = :kind";
    if (!kept.isEmpty()) {
      sql += " and name not in (:names)";
    }
    var query =
        session
            .createNativeMutationQuery(sql)
            .setParameter("user", userId)
            .setParameter("kind", kind.name());
    if (!kept.isEmpty()) {
      query.setParameterList("names", kept);
    }
    query.executeUpdate();
  }

  /**
   * Re-encrypts, one batch per transaction, every value not under {@code keyId}; {@code reseal}
   * decrypts with the old key and encrypts with the new one.
   *
   * @return how many values were re-encrypted
   */
  static int rekey(JpaTransactions tx, String keyId, UnaryOperator<SecretCipher.Sealed> reseal) {
    int total = 0;
    while (true) {
      int done =
          tx.inTransaction(
              () -> {
                List<Object[]> rows =
                    tx.session()
                        .createNativeQuery(
                            "select user_id, kind, name, key_id, ciphertext from user_secret"
                                + " where key_id <> :key order by user_id, kind, name",
                            Object[].class)
                        .setParameter("key", keyId)
                        .setMaxResults(BATCH)
                        .getResultList();
                List<Object[]> updates = new ArrayList<>();
                for (Object[] row : rows) {
                  SecretCipher.Sealed resealed =
                      reseal.apply(new SecretCipher.Sealed((String) row[3], (String) row[4]));
                  updates.add(new Object[] {row[0], row[1], row[2], resealed});
                }
                for (Object[] u : updates) {
                  SecretCipher.Sealed sealed = (SecretCipher.Sealed) u[3];
                  tx.session()
                      .createNativeMutationQuery(
                          "update user_secret set key_id = :key, ciphertext = :ciphertext"
                              + " where user_id = :user and kind = :kind and name = :name")
                      .setParameter("key", sealed.keyId())
                      .setParameter("ciphertext", sealed.ciphertext())
                      .setParameter("user", Memberships.uuid(u[0]))
                      .setParameter("kind", u[1])
                      .setParameter("name", u[2])
                      .executeUpdate();
                }
                return rows.size();
              });
      total += done;
      if (done < BATCH) {
        return total;
      }
    }
  }
}
