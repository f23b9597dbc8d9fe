package dev.roster.export;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.InvalidFilter;
import dev.roster.scim.SearchParameters;
import dev.roster.store.Transactions;
import dev.roster.store.UserExportStore;
import dev.roster.store.UserExportStore.Page;
import dev.roster.store.UserExportStore.Row;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The users of a tenant as CSV (RFC 4180): a header row, then one row per user in userName order,
 * with the columns of {@link UserCsvColumns}. Rows are read a page at a time, each page in a
 * transaction of its own, and written as they come, so memory does not grow with the tenant and no
 * database connection waits on a slow reader.
 *
 * <p>{@link #prepare} checks the request and reads the first page before anything is written: a bad
 * delimiter or filter (syntax, or an attribute that cannot be searched) is an error the caller can
 * still answer with a status, not a half-written file.
 */
public final class UserCsvExport {
  private final Transactions tx;
  private final UserExportStore store;
  private final int pageSize;

  public UserCsvExport(Transactions tx, UserExportStore store, int pageSize) {
    this.tx = tx;
    this.store = store;
    this.pageSize = pageSize;
  }

  /**
   * @param filter a SCIM filter (RFC 7644 §3.4.2.2) on users, or null for all
   * @param delimiter the field delimiter as the caller wrote it, or null for a comma
   * @throws dev.roster.domain.Invalid for a bad delimiter
   * @throws InvalidFilter for a bad filter
   */
  public Prepared prepare(UUID tenantId, String filter, String delimiter) {
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(CsvDelimiter.parse(delimiter).text())
            .setHeader(UserCsvColumns.headers().toArray(String[]::new))
            .get();
    Filter parsed = parse(filter);
    Page first = tx.reading(() -> store.page(tenantId, parsed, null, pageSize));
    return new Prepared(tenantId, parsed, format, first);
  }

  private static Filter parse(String filter) {
    try {
      return SearchParameters.parseFilter(filter);
    } catch (BadRequestException e) {
      throw new InvalidFilter(e.getMessage());
    }
  }

  /** A checked export whose first page is read: writing it cannot fail for the request's sake. */
  public final class Prepared {
    private final UUID tenantId;
    private final Filter filter;
    private final CSVFormat format;
    private final Page first;

    private Prepared(UUID tenantId, Filter filter, CSVFormat format, Page first) {
      this.tenantId = tenantId;
      this.filter = filter;
      this.format = format;
      this.first = first;
    }

    /**
     * Writes the header and every row, flushing after each page so the reader sees rows as they are
     * read.
     *
     * @return the number of users written
     */
    public long writeTo(Writer out) throws IOException {
      CSVPrinter printer = new CSVPrinter(out, format);
      long written = 0;
      Page page = first;
      while (true) {
        for (Row row : page.users()) {
          printer.printRecord(values(row));
          written++;
        }
        printer.flush();
        if (page.last() == null) {
          return written;
        }
        String after = page.last();
        page = tx.reading(() -> store.page(tenantId, filter, after, pageSize));
      }
    }
  }

  private static List<String> values(Row row) {
    List<String> values = new ArrayList<>(UserCsvColumns.COLUMNS.size());
    for (CsvColumn<Row> column : UserCsvColumns.COLUMNS) {
      values.add(column.value().apply(row));
    }
    return values;
  }
}
