package dev.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loaded store: a Roster data directory (stopped) holding {@code users} users, {@code spares}
 * more users that belong to no group (what the member-add scenario adds), and, when {@code groupId}
 * is set, one group whose members are the {@code users} users. The ids are kept beside it, in load
 * order (user {@code i} has {@link UserJson#userName(int) userName(i)}).
 */
record DataSet(Path dataDir, List<String> ids, List<String> spareIds, String groupId) {

  int users() {
    return ids.size();
  }

  /** A user id chosen at random, uniformly. */
  String randomId() {
    return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
  }

  /** The index of a user chosen at random, uniformly. */
  int randomIndex() {
    return ThreadLocalRandom.current().nextInt(ids.size());
  }

  static DataSet read(Path dir) {
    try {
      String group = Files.readString(dir.resolve("group.txt")).strip();
      return new DataSet(
          dir.resolve("data"),
          List.copyOf(Files.readAllLines(dir.resolve("ids.txt"))),
          List.copyOf(Files.readAllLines(dir.resolve("spares.txt"))),
          group.isEmpty() ? null : group);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(Path dir) {
    try {
      Files.write(dir.resolve("ids.txt"), ids);
      Files.write(dir.resolve("spares.txt"), spareIds);
      Files.writeString(dir.resolve("group.txt"), groupId == null ? "" : groupId);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
