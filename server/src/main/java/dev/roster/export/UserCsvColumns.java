package dev.roster.export;

import dev.roster.domain.MultiValue;
import dev.roster.domain.Name;
import dev.roster.domain.User;
import dev.roster.store.UserExportStore.Row;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The columns of the users export, in order: the one place that says what a row holds. A column for
 * an extension attribute (profile, hidden, …) is one more line here; nothing else changes.
 *
 * <p>What never becomes a column: the password (only its hash is kept, and that is never read out)
 * and any secret or credential value. A column is added only for what {@code GET /Users} shows.
 */
public final class UserCsvColumns {
  /** Between the names of a user's groups in the {@code groups} column. */
  static final String GROUP_SEPARATOR = "|";

  public static final List<CsvColumn<Row>> COLUMNS =
      List.of(
          user("id", u -> u.id().toString()),
          user("userName", User::userName),
          user("externalId", User::externalId),
          user("displayName", u -> u.details().displayName()),
          user("givenName", u -> name(u, Name::givenName)),
          user("familyName", u -> name(u, Name::familyName)),
          user("email", UserCsvColumns::email),
          user("active", u -> Boolean.toString(u.active())),
          user("source", u -> u.account().source().name()),
          user("sourceName", u -> u.account().sourceName()),
          user("created", u -> instant(u.meta().created())),
          user("lastModified", u -> instant(u.meta().lastModified())),
          new CsvColumn<>("groups", row -> String.join(GROUP_SEPARATOR, row.groupNames())));

  private UserCsvColumns() {}

  public static List<String> headers() {
    return COLUMNS.stream().map(CsvColumn::header).toList();
  }

  private static CsvColumn<Row> user(String header, Function<User, String> value) {
    return new CsvColumn<>(header, row -> value.apply(row.user()));
  }

  private static String name(User user, Function<Name, String> part) {
    Name name = user.details().name();
    return name == null ? null : part.apply(name);
  }

  /** The primary email, else the first one (RFC 7643 §2.4: at most one is primary). */
  private static String email(User user) {
    List<MultiValue> emails = user.details().emails();
    return emails.stream()
        .filter(email -> Boolean.TRUE.equals(email.primary()))
        .findFirst()
        .or(() -> emails.stream().findFirst())
        .map(MultiValue::value)
        .filter(Objects::nonNull)
        .orElse(null);
  }

  private static String instant(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
