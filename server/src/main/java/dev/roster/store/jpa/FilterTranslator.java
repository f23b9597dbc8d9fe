package dev.roster.store.jpa;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.InvalidFilter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Translates a parsed SCIM filter (RFC 7644 §3.4.2.2) into a JPQL condition with bound parameters:
 * no value is ever concatenated into the query. Every leaf is two-valued (an absent attribute never
 * yields SQL NULL) so {@code not} means what RFC 7644 says. Attributes that are not columns are
 * refused with a message naming them.
 */
final class FilterTranslator implements FilterVisitor<String, JpqlCondition> {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final String alias;
  private final Map<String, QueryColumn> columns;

  FilterTranslator(String alias, Map<String, QueryColumn> columns) {
    this.alias = alias;
    this.columns = columns;
  }

  String translate(Filter filter, JpqlCondition condition) {
    try {
      return filter.visit(this, condition);
    } catch (ScimException e) {
      throw new InvalidFilter(e.getMessage());
    }
  }

  /** The column for an attribute path, or an {@link InvalidFilter} naming the path. */
  static QueryColumn column(Map<String, QueryColumn> columns, Path path) {
    if (path == null) {
      throw new InvalidFilter("a filter needs an attribute name");
    }
    String name = path.toString().toLowerCase(Locale.ROOT);
    QueryColumn column = columns.get(name);
    if (column == null) {
      throw new InvalidFilter(
          "cannot filter or sort on '"
              + path
              + "'; supported: "
              + String.join(", ", columns.keySet()));
    }
    return column;
  }

  @Override
  public String visit(EqualFilter filter, JpqlCondition c) {
    return compare(filter, c, "=");
  }

  @Override
  public String visit(NotEqualFilter filter, JpqlCondition c) {
    return "not " + compare(filter, c, "=");
  }

  @Override
  public String visit(GreaterThanFilter filter, JpqlCondition c) {
    return compare(filter, c, ">");
  }

  @Override
  public String visit(GreaterThanOrEqualFilter filter, JpqlCondition c) {
    return compare(filter, c, ">=");
  }

  @Override
  public String visit(LessThanFilter filter, JpqlCondition c) {
    return compare(filter, c, "<");
  }

  @Override
  public String visit(LessThanOrEqualFilter filter, JpqlCondition c) {
    return compare(filter, c, "<=");
  }

  @Override
  public String visit(ContainsFilter filter, JpqlCondition c) {
    return like(filter, c, "%", "%");
  }

  @Override
  public String visit(StartsWithFilter filter, JpqlCondition c) {
    return like(filter, c, "", "%");
  }

  @Override
  public String visit(EndsWithFilter filter, JpqlCondition c) {
    return like(filter, c, "%", "");
  }

  @Override
  public String visit(PresentFilter filter, JpqlCondition c) {
    QueryColumn column = column(columns, filter.getAttributePath());
    return "(" + field(column) + " is not null)";
  }

  @Override
  public String visit(AndFilter filter, JpqlCondition c) throws ScimException {
    return combine(filter, c, " and ");
  }

  @Override
  public String visit(OrFilter filter, JpqlCondition c) throws ScimException {
    return combine(filter, c, " or ");
  }

  @Override
  public String visit(NotFilter filter, JpqlCondition c) throws ScimException {
    return "not (" + filter.getInvertedFilter().visit(this, c) + ")";
  }

  @Override
  public String visit(ComplexValueFilter filter, JpqlCondition c) {
    throw new InvalidFilter(
        "complex attribute filters such as '" + filter + "' are not supported yet");
  }

  private String combine(Filter filter, JpqlCondition c, String operator) throws ScimException {
    StringBuilder sql = new StringBuilder("(");
    for (Filter part : filter.getCombinedFilters()) {
      if (sql.length() > 1) {
        sql.append(operator);
      }
      sql.append(part.visit(this, c));
    }
    return sql.append(')').toString();
  }

  private String compare(Filter filter, JpqlCondition c, String operator) {
    QueryColumn column = column(columns, filter.getAttributePath());
    ValueNode value = filter.getComparisonValue();
    String field = field(column);
    if (value == null || value.isNull()) {
      throw new InvalidFilter("'" + filter + "' compares with null; use 'pr' to test presence");
    }
    boolean ordering = !operator.equals("=");
    return switch (column.kind()) {
      case ID -> {
        if (ordering) {
          throw new InvalidFilter(
              "'" + filter.getAttributePath() + "' can only be compared with eq or ne");
        }
        UUID id = parseUuid(value);
        yield id == null ? "(1 = 0)" : "(" + field + " = " + c.bind(id) + ")";
      }
      case STRING_IGNORE_CASE ->
          "("
              + field
              + " is not null and "
              + field
              + " "
              + operator
              + " "
              + c.bind(CaseInsensitive.key(text(filter, value)))
              + ")";
      case STRING_EXACT ->
          "("
              + field
              + " is not null and "
              + field
              + " "
              + operator
              + " "
              + c.bind(text(filter, value))
              + ")";
      case BOOLEAN -> {
        if (ordering) {
          throw new InvalidFilter(
              "'"
                  + filter.getAttributePath()
                  + "' is a boolean: compare it with eq true or eq false");
        }
        yield "(" + field + " = " + c.bind(bool(filter, value)) + ")";
      }
      case DATE_TIME -> "(" + field + " " + operator + " " + c.bind(instant(filter, value)) + ")";
    };
  }

  private String like(Filter filter, JpqlCondition c, String before, String after) {
    QueryColumn column = column(columns, filter.getAttributePath());
    if (column.kind() != QueryColumn.Kind.STRING_IGNORE_CASE
        && column.kind() != QueryColumn.Kind.STRING_EXACT) {
      throw new InvalidFilter(
          "'" + filter.getAttributePath() + "' is not a string: co, sw and ew need a string");
    }
    String text = text(filter, filter.getComparisonValue());
    if (column.kind() == QueryColumn.Kind.STRING_IGNORE_CASE) {
      text = CaseInsensitive.key(text);
    }
    String pattern = before + escapeLike(text) + after;
    String field = field(column);
    return "(" + field + " is not null and " + field + " like " + c.bind(pattern) + " escape '!')";
  }

  /** LIKE wildcards in the value are matched literally. */
  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private String field(QueryColumn column) {
    return alias + "." + column.field();
  }

  private static String text(Filter filter, ValueNode value) {
    if (value == null || !value.isTextual()) {
      throw new InvalidFilter(
          "'" + filter.getAttributePath() + "' is a string: the value must be quoted");
    }
    return value.textValue();
  }

  /** Booleans, and the strings "true"/"false" in any case that Entra ID sends. */
  private static boolean bool(Filter filter, ValueNode value) {
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isTextual()
        && (value.textValue().equalsIgnoreCase("true")
            || value.textValue().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
    }
    throw new InvalidFilter(
        "'" + filter.getAttributePath() + "' is a boolean: compare it with true or false");
  }

  private static UUID parseUuid(ValueNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return UUID.fromString(value.textValue());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant instant(Filter filter, ValueNode value) {
    if (value.isTextual()) {
      try {
        Instant instant = OffsetDateTime.parse(value.textValue()).toInstant();
        // Both databases store years 1 to 9999; beyond, the comparison is refused, not sent.
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
          throw new InvalidFilter(
              "'"
                  + filter.getAttributePath()
                  + "' compares with a date outside the years 1 to 9999");
        }
        return instant;
      } catch (DateTimeParseException e) {
        // fall through to the message below
      }
    }
    throw new InvalidFilter(
        "'"
            + filter.getAttributePath()
            + "' is a dateTime: use a quoted RFC 3339 value such as \"2026-01-31T12:00:00Z\"");
  }
}
