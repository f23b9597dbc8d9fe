package dev.roster.export;

import static dev.roster.testing.Cli.roster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.testing.Cli.Run;
import dev.roster.testing.ConcurrentLoad;
import dev.roster.testing.Db;
import dev.roster.testing.Reply;
import dev.roster.testing.ScimClient;
import dev.roster.testing.TestServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code GET /admin/export/users.csv} over HTTP, and {@code roster export users} against the same
 * data, on H2 and PostgreSQL. Every test reads back what it wrote with a CSV parser, so quoting is
 * checked by the reading a spreadsheet would do, not by string matching alone.
 */
@ParameterizedClass
@EnumSource(Db.class)
class ExportHttpTest {
  private static final String HEADER =
      "id,userName,externalId,displayName,givenName,familyName,email,active,source,sourceName,"
          + "created,lastModified,groups";

  /** More than two pages of the export, so the walk crosses page boundaries. */
  private static final int BULK_USERS = 1_203;

  private static TestServer server;
  private static ScimClient scim;

  @Parameter Db db;
  @TempDir Path dir;

  @BeforeParameterizedClassInvocation
  static void load(Db db) {
    server = TestServer.start(db);
    scim = server.client();
    ConcurrentLoad.users(scim, BULK_USERS, i -> "{\"userName\":\"bulk%04d\"}".formatted(i));
    String ada =
        scim.createUser(
            """
            {"userName":"ada","externalId":"ext-1","displayName":"Lovelace, Ada \\"the Countess\\"",
             "name":{"givenName":"Ada","familyName":"Lovelace"},
             "emails":[{"value":"ada@other.org"},{"value":"ada@example.org","primary":true}],
             "password":"correct horse battery staple"}""");
    scim.createUser(
        """
        {"userName":"zoë","displayName":"Zoë Łukasz 日本; two\\nlines",
         "name":{"givenName":"Zoë","familyName":"Ørsted"},"active":false,
         "emails":[{"value":"zoe@example.org"}]}""");
    scim.createGroup("{\"displayName\":\"Analysts\",\"members\":[{\"value\":\"" + ada + "\"}]}");
    scim.createGroup("{\"displayName\":\"admins\",\"members\":[{\"value\":\"" + ada + "\"}]}");
  }

  @AfterParameterizedClassInvocation
  static void stop() {
    server.close();
  }

  private static Reply export(String query) {
    return scim.get(server.baseUrl() + "/admin/export/users.csv" + query);
  }

  private static List<CSVRecord> parse(String csv, char delimiter) throws IOException {
    return CSVFormat.RFC4180
        .builder()
        .setDelimiter(delimiter)
        .setHeader()
        .get()
        .parse(new StringReader(csv))
        .getRecords();
  }

  private static Map<String, CSVRecord> byUserName(List<CSVRecord> records) {
    return records.stream().collect(Collectors.toMap(r -> r.get("userName"), r -> r));
  }

  @Test
  void theExportIsCsvWithAHeaderRowAndOneRowPerUserInUserNameOrder() throws IOException {
    Reply reply = export("").expectStatus(200);
    assertThat(reply.header("Content-Type")).startsWith("text/csv").contains("charset=UTF-8");
    assertThat(reply.header("Content-Disposition")).contains("users.csv");
    assertThat(reply.body()).startsWith(HEADER + "\r\n");
    List<CSVRecord> records = parse(reply.body(), ',');
    assertThat(records).hasSize(BULK_USERS + 2);
    List<String> names = records.stream().map(r -> r.get("userName")).toList();
    assertThat(names).isSortedAccordingTo(Comparator.comparing(String::toLowerCase));
    assertThat(Set.copyOf(names)).hasSize(names.size());
  }

  @Test
  void aRowHoldsTheUsersColumnsWithThePrimaryEmailAndItsGroupsByName() throws IOException {
    CSVRecord ada = byUserName(parse(export("").body(), ',')).get("ada");
    String id =
        scim.get("/Users?filter=" + ScimClient.encode("userName eq \"ada\""))
            .json()
            .at("/Resources/0/id")
            .asText();
    assertThat(ada.toMap())
        .containsEntry("id", id)
        .containsEntry("externalId", "ext-1")
        .containsEntry("displayName", "Lovelace, Ada \"the Countess\"")
        .containsEntry("givenName", "Ada")
        .containsEntry("familyName", "Lovelace")
        .containsEntry("email", "ada@example.org")
        .containsEntry("active", "true")
        .containsEntry("source", "LOCAL")
        .containsEntry("sourceName", "")
        .containsEntry("groups", "admins|Analysts");
    assertThat(ada.get("created")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(ada.get("lastModified")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
  }

  @Test
  void commasQuotesNewlinesAndNonAsciiAreQuotedAsRfc4180Says() throws IOException {
    String body = export("").body();
    assertThat(body)
        .contains(",\"Lovelace, Ada \"\"the Countess\"\"\",")
        .contains("\"Zoë Łukasz 日本; two\nlines\"");
    CSVRecord zoe = byUserName(parse(body, ',')).get("zoë");
    assertThat(zoe.get("displayName")).isEqualTo("Zoë Łukasz 日本; two\nlines");
    assertThat(zoe.get("familyName")).isEqualTo("Ørsted");
    assertThat(zoe.get("email")).isEqualTo("zoe@example.org");
    assertThat(zoe.get("groups")).isEmpty();
  }

  @Test
  void anotherDelimiterSeparatesTheFieldsAndValuesHoldingItAreQuoted() throws IOException {
    String body = export("?delimiter=%3B").expectStatus(200).body();
    assertThat(body).startsWith(HEADER.replace(',', ';') + "\r\n");
    // Quoted because of the quotes (RFC 4180 §2.6), not because of the comma.
    assertThat(body).contains(";\"Lovelace, Ada \"\"the Countess\"\"\";");
    assertThat(body).contains("\"Zoë Łukasz 日本; two\nlines\"");
    assertThat(parse(body, ';')).hasSize(BULK_USERS + 2);
    String tabs = export("?delimiter=%09").expectStatus(200).body();
    assertThat(tabs).startsWith(HEADER.replace(',', '\t') + "\r\n");
    assertThat(export("?delimiter=tab").body()).isEqualTo(tabs);
  }

  @Test
  void aFilterIsAnsweredByTheDatabaseAsInASearch() throws IOException {
    List<CSVRecord> inactive =
        parse(export("?filter=" + ScimClient.encode("active eq false")).body(), ',');
    assertThat(inactive).extracting(r -> r.get("userName")).containsExactly("zoë");
    List<CSVRecord> admins =
        parse(export("?filter=" + ScimClient.encode("groups.display eq \"ADMINS\"")).body(), ',');
    assertThat(admins).extracting(r -> r.get("userName")).containsExactly("ada");
    List<CSVRecord> some =
        parse(export("?filter=" + ScimClient.encode("userName sw \"bulk00\"")).body(), ',');
    assertThat(some).hasSize(100);
  }

  @Test
  void anEmptyResultIsTheHeaderRowAlone() {
    String body =
        export("?filter=" + ScimClient.encode("userName eq \"nobody\"")).expectStatus(200).body();
    assertThat(body).isEqualTo(HEADER + "\r\n");
  }

  @Test
  void noPasswordOrHashIsEverExported() {
    String body = export("").body();
    assertThat(body).doesNotContain("correct horse").doesNotContainIgnoringCase("argon2");
    assertThat(body.lines().findFirst().orElseThrow()).doesNotContainIgnoringCase("password");
  }

  @Test
  void aBadDelimiterOrFilterIsAScimErrorAndNoCsv() {
    assertThat(export("?delimiter=%3B%3B").expectError(400, "invalidValue").detail())
        .contains("delimiter")
        .contains("one character");
    assertThat(export("?delimiter=").expectError(400, "invalidValue").detail())
        .contains("delimiter");
    assertThat(export("?delimiter=%22").expectError(400, "invalidValue").detail())
        .contains("quote");
    assertThat(export("?delimiter=%0A").expectError(400, "invalidValue").detail())
        .contains("line break");
    assertThat(
            export("?filter=" + ScimClient.encode("userName eq"))
                .expectError(400, "invalidFilter")
                .detail())
        .contains("filter");
    assertThat(
            export("?filter=" + ScimClient.encode("shoeSize gt 3"))
                .expectError(400, "invalidFilter")
                .detail())
        .containsIgnoringCase("shoeSize");
    export("?filter=" + ScimClient.encode("password eq \"x\"")).expectError(400, "invalidFilter");
  }

  @Test
  void theExportNeedsAnAdminToken() {
    String url = server.baseUrl() + "/admin/export/users.csv";
    server.client(null).get(url).expectError(401, null);
    server.client("not-a-token").get(url).expectError(401, null);
  }

  @Test
  void theCliWritesExactlyWhatHttpServes() throws IOException {
    assertThat(roster(server, dir, "export", "users").out()).isEqualTo(export("").body());
    String filter = "userName sw \"bulk01\" or active eq false";
    Path file = dir.resolve("users.csv");
    Run run =
        roster(
            server,
            dir,
            "export",
            "users",
            "--format",
            "csv",
            "--delimiter",
            ";",
            "--filter",
            filter,
            "--output",
            file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("exported 101 users");
    assertThat(Files.readString(file))
        .isEqualTo(export("?delimiter=%3B&filter=" + ScimClient.encode(filter)).body());
    try (var leftovers = Files.list(dir)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("users.csv", "roster.yaml");
    }
  }

  @Test
  void theCliSaysWhatIsWrongInOneLine() throws IOException {
    Run badFilter = roster(server, dir, "export", "users", "--filter", "nope");
    assertThat(badFilter.exitCode()).isEqualTo(2);
    assertThat(badFilter.err().strip())
        .startsWith("roster: ")
        .contains("filter")
        .doesNotContain("\n");
    assertThat(badFilter.out()).isEmpty();
    Run badDelimiter = roster(server, dir, "export", "users", "--delimiter", "ab");
    assertThat(badDelimiter.exitCode()).isEqualTo(2);
    assertThat(badDelimiter.err()).contains("delimiter");
    Run badOutput =
        roster(
            server,
            dir,
            "export",
            "users",
            "--output",
            dir.resolve("missing/users.csv").toString());
    assertThat(badOutput.exitCode()).isEqualTo(2);
    assertThat(badOutput.err()).contains("no directory");
    Run badFormat = roster(server, dir, "export", "users", "--format", "xlsx");
    assertThat(badFormat.exitCode()).isEqualTo(2);
    assertThat(badFormat.err()).contains("csv");
  }
}
