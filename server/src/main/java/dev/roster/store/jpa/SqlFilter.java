package dev.roster.store.jpa;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.types.AttributeDefinition;
import dev.roster.domain.InvalidFilter;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import java.util.List;
import java.util.Locale;

/**
 * A parsed SCIM filter (RFC 7644 §3.4.2.2) as a SQL condition on a resource row {@code e}, with
 * every value bound as a parameter. Attributes resolve through the resource type's schema, so names
 * are case-insensitive and strings compare as their {@code caseExact} says. Where an attribute
 * lives decides the SQL:
 *
 * <ul>
 *   <li>a column: a condition on it, e.g. {@code e.user_name_lower = :p0};
 *   <li>{@code user_value} rows: {@code e.id in (select v.user_id from user_value v where v.path =
 *       :p0 and v.text_value = :p1)}, answered from the (tenant, path, key) index;
 *   <li>memberships: the same shape over the membership table.
 * </ul>
 *
 * <p>A multi-valued attribute matches when any of its values does, and {@code not} / {@code ne}
 * negate that (no value equals), as the SDK's evaluator does. A complex filter {@code emails[type
 * eq "work" and value co "@x"]} matches when one element satisfies the whole bracket; {@link
 * ElementSets} writes that. Every condition is two-valued (an absent value never yields SQL NULL),
 * so {@code not} means what RFC 7644 says.
 */
final class SqlFilter extends LeafVisitor {
  static final String TRUE = "(1 = 1)";
  static final String FALSE = "(1 = 0)";

  private final ResourceTable table;
  private final SqlParameters p;
  private final boolean unknownAbsent;

  private SqlFilter(ResourceTable table, SqlParameters p, boolean unknownAbsent) {
    this.table = table;
    this.p = p;
    this.unknownAbsent = unknownAbsent;
  }

  /**
   * @param unknownAbsent whether an attribute the resource type lacks counts as one without a value
   *     (for searches across resource types) rather than as a mistake
   */
  static String translate(
      ResourceTable table, Filter filter, SqlParameters p, boolean unknownAbsent) {
    try {
      return filter.visit(new SqlFilter(table, p, unknownAbsent), null);
    } catch (ScimException e) {
      throw new InvalidFilter(e.getMessage());
    }
  }

  @Override
  public String visit(AndFilter filter, Void unused) throws ScimException {
    return combine(filter.getCombinedFilters(), " and ");
  }

  @Override
  public String visit(OrFilter filter, Void unused) throws ScimException {
    return combine(filter.getCombinedFilters(), " or ");
  }

  @Override
  public String visit(NotFilter filter, Void unused) throws ScimException {
    return "not (" + filter.getInvertedFilter().visit(this, null) + ")";
  }

  @Override
  public String visit(ComplexValueFilter filter, Void unused) throws ScimException {
    AttributePath path = resolve(filter.getAttributePath(), filter);
    if (path == null) {
      return FALSE;
    }
    if (!isComplex(path)) {
      throw Comparison.invalid(
          filter, "is not a complex attribute: brackets select elements of a complex attribute");
    }
    ElementSets elements = elements(path, filter);
    String set = filter.getValueFilter().visit(elements, null);
    return "e.id in (select s.owner_id from (" + set + ") s)";
  }

  private String combine(List<Filter> parts, String operator) throws ScimException {
    StringBuilder sql = new StringBuilder("(");
    for (Filter part : parts) {
      if (sql.length() > 1) {
        sql.append(operator);
      }
      sql.append(part.visit(this, null));
    }
    return sql.append(')').toString();
  }

  @Override
  String leaf(Filter filter) {
    AttributePath path = resolve(filter.getAttributePath(), filter);
    if (path == null) {
      // An attribute this type lacks has no value: only "not equal" holds.
      return filter.getFilterType() == FilterType.NOT_EQUAL ? TRUE : FALSE;
    }
    Stored stored = table.stored(path);
    if (stored instanceof Stored.Refused refused) {
      throw Comparison.invalid(filter, refused.reason());
    }
    if (stored instanceof Stored.Column column) {
      return column(column, filter);
    }
    if (isComplex(path)) {
      if (filter.getFilterType() != FilterType.PRESENT) {
        throw Comparison.invalid(
            filter,
            "is complex: compare one of its sub-attributes ("
                + subNames(path)
                + "), or select elements with "
                + path
                + "[…]");
      }
      return "e.id in (" + elements(path, filter).all("owner_id") + ")";
    }
    String in = "e.id in (";
    String select = ownersOf(path, stored, filter);
    return switch (filter.getFilterType()) {
      case PRESENT -> in + select + ")";
      case NOT_EQUAL ->
          "e.id not in ("
              + select
              + " and "
              + Comparison.sql(operand(path, stored, filter), filter, FilterType.EQUAL, p)
              + ")";
      default ->
          in + select + " and " + Comparison.sql(operand(path, stored, filter), filter, p) + ")";
    };
  }

  private String column(Stored.Column column, Filter filter) {
    Operand operand = column.operand();
    String sql = operand.sql();
    FilterType type = filter.getFilterType();
    if (type == FilterType.PRESENT) {
      if (!column.nullable()) {
        return TRUE;
      }
      return operand.kind() == Operand.Kind.TEXT
          ? "(" + sql + " is not null and " + sql + " <> '')"
          : "(" + sql + " is not null)";
    }
    String comparison =
        Comparison.sql(operand, filter, type == FilterType.NOT_EQUAL ? FilterType.EQUAL : type, p);
    String guarded =
        column.nullable() ? "(" + sql + " is not null and " + comparison + ")" : comparison;
    return type == FilterType.NOT_EQUAL ? "not " + guarded : guarded;
  }

  /** The owners of the rows holding a value of a simple attribute or sub-attribute. */
  private String ownersOf(AttributePath path, Stored stored, Filter filter) {
    if (stored instanceof Stored.Relation relation) {
      String select =
          "select " + relation.owner() + " from " + relation.from() + " where " + relation.where();
      return filter.getFilterType() == FilterType.PRESENT
          ? select + " and " + operand(path, stored, filter).sql() + " is not null"
          : select;
    }
    return "select v.user_id from user_value v where v.tenant_id = "
        + SqlParameters.TENANT
        + " and v.path = "
        + p.bind(path.key());
  }

  /** What a comparison on this simple attribute or sub-attribute compares. */
  private static Operand operand(AttributePath path, Stored stored, Filter filter) {
    return operand(path, stored, filter, "v");
  }

  /**
   * @param alias the {@code user_value} row the comparison is on, for values
   */
  static Operand operand(AttributePath path, Stored stored, Filter filter, String alias) {
    if (stored instanceof Stored.Relation relation) {
      // A simple multi-valued attribute (effectivePermissions) is its own, unnamed, sub-attribute.
      return relation
          .subs()
          .get(path.sub() == null ? "" : path.sub().getName().toLowerCase(Locale.ROOT));
    }
    AttributeDefinition definition = path.definition();
    return switch (definition.getType()) {
      case BOOLEAN -> Operand.of(alias + ".bool_value", Operand.Kind.BOOLEAN);
      case STRING, REFERENCE, BINARY ->
          new Operand(
              alias + ".text_value",
              alias + ".text_key",
              Operand.Kind.TEXT,
              !definition.isCaseExact(),
              List.of());
      default -> throw Comparison.invalid(filter, "cannot be searched");
    };
  }

  private ElementSets elements(AttributePath path, Filter filter) {
    Stored stored = table.stored(path);
    if (stored instanceof Stored.Relation || stored instanceof Stored.Values) {
      return new ElementSets(table, p, path, stored);
    }
    throw Comparison.invalid(
        filter,
        stored instanceof Stored.Refused refused
            ? refused.reason()
            : "cannot be searched by element");
  }

  /** The attribute a filter names, or null when the type lacks it and that means "no value". */
  private AttributePath resolve(Path path, Filter filter) {
    AttributePath resolved = AttributePaths.resolve(table.type(), path).orElse(null);
    if (resolved == null && !unknownAbsent) {
      throw new InvalidFilter("in '" + filter + "': " + AttributePaths.problem(table.type(), path));
    }
    return resolved;
  }

  private static boolean isComplex(AttributePath path) {
    return path.sub() == null && path.attribute().getType() == AttributeDefinition.Type.COMPLEX;
  }

  static String subNames(AttributePath path) {
    return String.join(
        ", ", path.attribute().getSubAttributes().stream().map(a -> a.getName()).toList());
  }
}
