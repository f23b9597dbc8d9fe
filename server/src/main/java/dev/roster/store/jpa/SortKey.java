package dev.roster.store.jpa;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.types.AttributeDefinition;
import dev.roster.domain.Invalid;
import dev.roster.domain.InvalidCursor;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import dev.roster.store.Keyset;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a search sorts by (RFC 7644 §3.4.2.3): a singular attribute, then the id, so the order is
 * total and pages are stable. A missing value sorts after every value when ascending, and
 * descending is the exact reverse. The same order drives keyset positions for cursor paging: the
 * page after a position is the rows that sort after it.
 *
 * @param join the join that brings the value in ({@code s}, a {@code user_value} row), or empty
 * @param operand the sort value's SQL and kind
 * @param unique whether no two rows share a value (then the id is not needed to break ties)
 * @param nullable whether a row may lack a value
 */
record SortKey(String join, Operand operand, boolean unique, boolean nullable) {

  /**
   * The sort for {@code sortBy} (a SCIM attribute path), or the table's default when it is null.
   */
  static SortKey of(ResourceTable table, String sortBy, SqlParameters p) {
    if (sortBy == null) {
      Stored.Column column = table.defaultSort();
      return new SortKey("", column.operand(), column.unique(), column.nullable());
    }
    Path path;
    try {
      path = Path.fromString(sortBy);
    } catch (BadRequestException e) {
      throw new Invalid("sortBy", "'" + sortBy + "' is not an attribute path");
    }
    AttributePath resolved =
        AttributePaths.resolve(table.type(), path)
            .orElseThrow(() -> new Invalid("sortBy", AttributePaths.problem(table.type(), path)));
    if (resolved.multiValued()) {
      throw new Invalid(
          "sortBy",
          "'" + resolved + "' is multi-valued; sort by a singular attribute such as userName");
    }
    if (resolved.definition().getType() == AttributeDefinition.Type.COMPLEX) {
      throw new Invalid(
          "sortBy", "'" + resolved + "' is complex; sort by one of its sub-attributes");
    }
    Stored stored = table.stored(resolved);
    if (stored instanceof Stored.Column column) {
      return new SortKey("", column.operand(), column.unique(), column.nullable());
    }
    if (stored instanceof Stored.Values) {
      String join =
          " left join user_value s on s.user_id = e.id and s.path = " + p.bind(resolved.key());
      Operand operand =
          resolved.definition().getType() == AttributeDefinition.Type.BOOLEAN
              ? Operand.of("s.bool_value", Operand.Kind.BOOLEAN)
              : Operand.text("s.text_value", !resolved.definition().isCaseExact());
      return new SortKey(join, operand, false, true);
    }
    throw new Invalid("sortBy", "'" + resolved + "' cannot be sorted on");
  }

  /**
   * The ORDER BY list, ascending or descending.
   *
   * @param narrowed whether a filter narrows the rows to a few ({@link SqlSearch#narrows}): then
   *     the database picks the index the filter is best served by and sorts what it leaves
   */
  String orderBy(boolean descending, boolean narrowed) {
    String direction = descending ? " desc" : " asc";
    String sql = operand.sql();
    List<String> parts = new ArrayList<>();
    // The tenant leads every index (tenant, value, id): H2 reads an index in order, instead of
    // sorting every row, only when ORDER BY names its columns from the first. Not for a filter
    // that leaves a few rows: with a page's limit, H2 prefers such an ordered walk to the index
    // the filter names, and walked the whole tenant to answer externalId eq "…" (QueryPlanTest).
    if (!narrowed) {
      parts.add("e.tenant_id" + direction);
    }
    if (nullable) {
      parts.add("case when " + sql + " is null then 1 else 0 end" + direction);
    }
    parts.add(sql + direction);
    if (!unique) {
      parts.add("e.id" + direction);
    }
    return String.join(", ", parts);
  }

  /** The rows that come after {@code position} in this order, ascending or descending. */
  String after(Keyset position, boolean descending, SqlParameters p) {
    String sql = operand.sql();
    String beyond = descending ? " < " : " > ";
    if (position.sortValue() == null) {
      if (!nullable) {
        throw invalid();
      }
      String nullsAfter = "(" + sql + " is null and e.id" + beyond + p.bind(position.id()) + ")";
      // Ascending, missing values come last; descending, first and then every value.
      return descending ? "(" + nullsAfter + " or " + sql + " is not null)" : nullsAfter;
    }
    String value = p.bind(decode(position.sortValue()));
    StringBuilder condition = new StringBuilder("(");
    if (unique) {
      condition.append(sql).append(beyond).append(value);
    } else {
      // "value >= v and (value > v or id > i)", not "value > v or (value = v and id > i)": the
      // same rows, but the first conjunct lets the database start its index walk at the position
      // instead of walking every row before it (each page of a walk would cost the pages before).
      String from = descending ? " <= " : " >= ";
      condition
          .append("(")
          .append(sql)
          .append(from)
          .append(value)
          .append(" and (")
          .append(sql)
          .append(beyond)
          .append(value)
          .append(" or e.id")
          .append(beyond)
          .append(p.bind(position.id()))
          .append("))");
    }
    if (nullable && !descending) {
      condition.append(" or ").append(sql).append(" is null");
    }
    return condition.append(")").toString();
  }

  /** The position of a row from its id and its sort value as the database returned it. */
  Keyset position(Object id, Object sortValue) {
    return new Keyset(sortValue == null ? null : encode(sortValue), Memberships.uuid(id));
  }

  private String encode(Object value) {
    return switch (operand.kind()) {
      case TEXT -> value.toString();
      case BOOLEAN -> value.toString();
      case ID -> Memberships.uuid(value).toString();
      case DATE_TIME -> instant(value).toString();
    };
  }

  private Object decode(String text) {
    try {
      return switch (operand.kind()) {
        case TEXT -> text;
        case ID -> UUID.fromString(text);
        case DATE_TIME -> Instant.parse(text);
        case BOOLEAN -> {
          if (!text.equals("true") && !text.equals("false")) {
            throw invalid();
          }
          yield Boolean.parseBoolean(text);
        }
      };
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw invalid();
    }
  }

  /** Timestamps come back as whatever the driver prefers. */
  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }

  private static InvalidCursor invalid() {
    return new InvalidCursor("the cursor does not fit this search; start again without one");
  }
}
