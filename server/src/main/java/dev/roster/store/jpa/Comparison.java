package dev.roster.store.jpa;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.InvalidFilter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/**
 * One attribute comparison of RFC 7644 §3.4.2.2 ({@code eq gt ge lt le co sw ew}) as a SQL
 * condition on an {@link Operand}, typed by the attribute: strings compare as the schema says
 * (folded when {@code caseExact} is false), booleans only for equality, dateTimes as instants. The
 * value is always a bound parameter; LIKE wildcards in it match literally. {@code ne} and {@code
 * pr} are the caller's: they depend on where the values live.
 */
final class Comparison {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private Comparison() {}

  static String sql(Operand operand, Filter filter, SqlParameters p) {
    return sql(operand, filter, filter.getFilterType(), p);
  }

  /**
   * The comparison {@code type} of the filter's value: {@code ne} is answered as the negation of
   * {@code eq}, so callers ask for {@link FilterType#EQUAL} there.
   */
  static String sql(Operand operand, Filter filter, FilterType type, SqlParameters p) {
    ValueNode value = filter.getComparisonValue();
    if (value == null || value.isNull()) {
      throw invalid(filter, "compares with null; use 'pr' to test whether a value is present");
    }
    return switch (operand.kind()) {
      case TEXT -> text(operand, type, fold(operand, text(filter, value)), p);
      case ID -> id(operand, filter, type, text(filter, value), p);
      case BOOLEAN -> {
        if (type != FilterType.EQUAL) {
          throw invalid(filter, "is a boolean: compare it with eq or ne");
        }
        yield "(" + operand.sql() + " = " + p.bind(bool(filter, value)) + ")";
      }
      case DATE_TIME -> {
        String operator = ordering(type);
        if (operator == null) {
          throw invalid(filter, "is a dateTime: compare it with eq, ne, gt, ge, lt or le");
        }
        yield "(" + operand.sql() + " " + operator + " " + p.bind(instant(filter, value)) + ")";
      }
    };
  }

  /** The indexed prefix of a stored or compared text: whole code points, at most KEY_LENGTH. */
  static String key(String text) {
    if (text.length() <= UserValues.KEY_LENGTH) {
      return text;
    }
    int end = UserValues.KEY_LENGTH;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static String text(Operand operand, FilterType type, String value, SqlParameters p) {
    String sql = operand.sql();
    String key = operand.key();
    return switch (type) {
      case EQUAL ->
          key == null
              ? "(" + sql + " = " + p.bind(value) + ")"
              : "("
                  + key
                  + " = "
                  + p.bind(key(value))
                  + " and "
                  + sql
                  + " = "
                  + p.bind(value)
                  + ")";
      case GREATER_THAN, GREATER_OR_EQUAL -> range(operand, ordering(type), ">=", value, p);
      case LESS_THAN, LESS_OR_EQUAL -> range(operand, ordering(type), "<=", value, p);
      case STARTS_WITH ->
          key == null
              ? like(sql, escape(value) + "%", p)
              : "("
                  + like(key, escape(key(value)) + "%", p)
                  + " and "
                  + like(sql, escape(value) + "%", p)
                  + ")";
      case CONTAINS -> like(sql, "%" + escape(value) + "%", p);
      case ENDS_WITH -> like(sql, "%" + escape(value), p);
      default -> throw new IllegalArgumentException("not a comparison: " + type);
    };
  }

  /**
   * An ordering on the full value, narrowed by the key when there is one: {@code v > x} implies
   * {@code key(v) >= key(x)}, so the index can bound the scan.
   */
  private static String range(
      Operand operand, String operator, String keyOperator, String value, SqlParameters p) {
    String full = operand.sql() + " " + operator + " " + p.bind(value);
    if (operand.key() == null) {
      return "(" + full + ")";
    }
    return "("
        + operand.key()
        + " "
        + keyOperator
        + " "
        + p.bind(key(value))
        + " and "
        + full
        + ")";
  }

  private static String id(
      Operand operand, Filter filter, FilterType type, String value, SqlParameters p) {
    if (type == FilterType.EQUAL) {
      UUID id = uuid(operand, value);
      if (id == null) {
        return "(1 = 0)";
      }
      String placeholder = p.bind(id);
      return "("
          + String.join(
              " or ", operand.idColumns().stream().map(c -> c + " = " + placeholder).toList())
          + ")";
    }
    // Other comparisons see the id as the text clients see: lower-case, with hyphens.
    Operand asText = Operand.text("cast(" + operand.sql() + " as varchar(36))", operand.folded());
    return text(asText, type, fold(operand, value), p);
  }

  /** The id a value names, or null when it names none (case counts unless the schema says not). */
  private static UUID uuid(Operand operand, String value) {
    try {
      UUID id = UUID.fromString(value);
      String canonical = id.toString();
      boolean same = operand.folded() ? canonical.equalsIgnoreCase(value) : canonical.equals(value);
      return same ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String like(String sql, String pattern, SqlParameters p) {
    return "(" + sql + " like " + p.bind(pattern) + " escape '!')";
  }

  /** LIKE wildcards in a value are matched literally. */
  private static String escape(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  private static String ordering(FilterType type) {
    return switch (type) {
      case EQUAL -> "=";
      case GREATER_THAN -> ">";
      case GREATER_OR_EQUAL -> ">=";
      case LESS_THAN -> "<";
      case LESS_OR_EQUAL -> "<=";
      default -> null;
    };
  }

  private static String fold(Operand operand, String value) {
    return operand.folded() ? CaseInsensitive.key(value) : value;
  }

  /** Strings; identity providers send numbers for string attributes, compared as their text. */
  private static String text(Filter filter, ValueNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.indexOf('\u0000') >= 0) {
        throw invalid(filter, "has a value with a NUL character, which no attribute holds");
      }
      return text;
    }
    if (value.isNumber()) {
      return value.asText();
    }
    throw invalid(filter, "is a string: quote the value");
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
    throw invalid(filter, "is a boolean: compare it with true or false");
  }

  private static Instant instant(Filter filter, ValueNode value) {
    if (value.isTextual()) {
      try {
        Instant instant = OffsetDateTime.parse(value.textValue()).toInstant();
        // Both databases store years 1 to 9999; beyond, the comparison is refused, not sent.
        if (instant.isAfter(LATEST) || instant.isBefore(EARLIEST)) {
          throw invalid(filter, "compares with a date outside the years 1 to 9999");
        }
        return instant;
      } catch (DateTimeParseException e) {
        // the message below says what is expected
      }
    }
    throw invalid(
        filter, "is a dateTime: use a quoted RFC 3339 value such as \"2026-01-31T12:00:00Z\"");
  }

  /** A refusal that says which comparison of the filter it is about. */
  static InvalidFilter invalid(Filter filter, String problem) {
    return new InvalidFilter("in '" + filter + "': '" + filter.getAttributePath() + "' " + problem);
  }
}
