package dev.roster.store.jpa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory where this process's sync runs spool their plans ({@link PlanSpool}): a directory
 * of its own under {@code root}, held by a lock on a file in it for as long as the process lives,
 * so that another process on the same data directory (a {@code roster sync} beside the server)
 * tells a live process's spools from those a process that died left behind, and deletes only the
 * latter. Made at the first run, not before: commands that never sync write nothing.
 *
 * <p>The directories this process holds are also kept in memory and never probed: on Linux, a
 * process that opens and closes a second channel to a file it has locked loses its lock.
 */
final class SpoolDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDirectory.class);
  private static final String LOCK = "owner.lock";

  /** The directories this process holds, with the channels of their locks (kept reachable). */
  private static final Map<Path, FileChannel> HELD = new ConcurrentHashMap<>();

  private final Path root;
  private Path held;

  SpoolDirectory(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** This process's directory, made (and what dead processes left cleared) at the first call. */
  synchronized Path path() {
    if (held == null) {
      held = claim();
      clearLeftovers();
    }
    return held;
  }

  private Path claim() {
    Path directory = root.resolve(UUID.randomUUID().toString());
    try {
      Files.createDirectories(directory);
      FileChannel channel =
          FileChannel.open(
              directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      // Held, with its channel, until the process ends: the lock is what says "alive". An
      // unreachable channel would be closed by its cleaner, and the lock with it.
      if (channel.tryLock() == null) {
        channel.close();
        throw new IllegalStateException("a new spool directory is locked already: " + directory);
      }
      HELD.put(directory, channel);
      // A process that stops in order takes its directory with it; one that is killed leaves it
      // to the next process's clearing.
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> deleteQuietly(directory), "roster-spool-cleanup"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the sync spool directory " + directory, e);
    }
    return directory;
  }

  /**
   * Deletes the directories of processes that died. Best effort: a directory that cannot be read or
   * deleted is logged and left for a later start; a run never fails for it.
   */
  private void clearLeftovers() {
    try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
      for (Path directory : directories) {
        Path normalized = directory.toAbsolutePath().normalize();
        if (!HELD.containsKey(normalized) && abandoned(normalized)) {
          delete(normalized);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("sync spool leftovers not cleared root={}", root, e);
    }
  }

  /**
   * Whether no process holds the directory's lock. One without a lock file is being made by another
   * process right now (it locks before it spools) and is left alone.
   */
  private static boolean abandoned(Path directory) {
    try (FileChannel channel =
        FileChannel.open(directory.resolve(LOCK), StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false;
      }
      lock.release();
      return true;
    } catch (NoSuchFileException | OverlappingFileLockException e) {
      return false;
    } catch (IOException e) {
      LOG.warn("sync spool directory not checked directory={}", directory, e);
      return false;
    }
  }

  /** At shutdown: no logging, which may be stopping too. */
  private static void deleteQuietly(Path directory) {
    try {
      deleteTree(directory);
    } catch (IOException | UncheckedIOException e) {
      // left for the next process to clear
    }
  }

  private static void delete(Path directory) {
    try {
      deleteTree(directory);
      LOG.info("sync spool of a process that ended deleted directory={}", directory);
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("sync spool directory not deleted directory={}", directory, e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
