package dev.roster.app;

import dev.roster.domain.Tenant;
import dev.roster.export.UserCsvExport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roster export users --format csv [--delimiter ;] [--filter …] [--output FILE]}: the same
 * CSV as {@code GET /admin/export/users.csv}, read from the configured database directly (the
 * default tenant). Works while a server runs on the same data directory.
 */
@Command(
    name = "export",
    description = "Export data as files.",
    subcommands = {ExportCommand.Users.class})
final class ExportCommand {

  @Command(name = "users", description = "Export the users as CSV (RFC 4180, with a header row).")
  static final class Users implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Option(
        names = "--format",
        defaultValue = "csv",
        description = "The file format; only csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
        names = "--delimiter",
        description = "The field delimiter: one character, or tab (default: ,).")
    String delimiter;

    @Option(
        names = "--filter",
        description = "Only users matching this SCIM filter, e.g. 'active eq true'.")
    String filter;

    @Option(
        names = "--output",
        paramLabel = "FILE",
        description = "Write to FILE, replaced only once the export is complete (default: stdout).")
    Path output;

    @Override
    public Integer call() throws Exception {
      if (!format.equalsIgnoreCase("csv")) {
        System.err.println("roster: --format must be csv, got '" + format + "'");
        return 2;
      }
      if (output != null && !Files.isDirectory(output.toAbsolutePath().getParent())) {
        System.err.println("roster: --output: no directory " + output.toAbsolutePath().getParent());
        return 2;
      }
      try (Roster roster = Roster.open(config.load())) {
        UserCsvExport.Prepared export =
            roster.userExport().prepare(Tenant.DEFAULT_ID, filter, delimiter);
        long written = output == null ? toStdout(export) : toFile(export, output);
        System.err.println("exported " + written + " users");
      }
      return 0;
    }

    private static long toStdout(UserCsvExport.Prepared export) throws IOException {
      Writer writer = writer(System.out);
      long written = export.writeTo(writer);
      writer.flush();
      return written;
    }

    /** Written beside the target and moved over it at the end: no half-written file is left. */
    private static long toFile(UserCsvExport.Prepared export, Path target) throws IOException {
      Path absolute = target.toAbsolutePath();
      Path partial =
          Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".partial");
      try {
        long written;
        try (Writer writer = writer(Files.newOutputStream(partial))) {
          written = export.writeTo(writer);
        }
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
        return written;
      } finally {
        Files.deleteIfExists(partial);
      }
    }

    private static Writer writer(OutputStream out) {
      return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }
  }
}
