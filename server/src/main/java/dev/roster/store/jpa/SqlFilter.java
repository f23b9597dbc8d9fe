package dev.roster.store.jpa;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
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
import com.unboundid.scim2.common.types.AttributeDefinition;
import dev.roster.domain.InvalidFilter;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import java.util.ArrayList;
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
 * eq "work" and value co "@x"]} becomes set algebra over the elements (rows keyed by resource and
 * element): each comparison selects the elements it holds for, {@code and} / {@code or} / {@code
 * not} are {@code intersect} / {@code union} / {@code except}, so both comparisons hold on one
 * element. Every condition is two-valued (an absent value never yields SQL NULL), so {@code not}
 * means what RFC 7644 says.
 */
final class SqlFilter implements FilterVisitor<String, Void> {
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
  public String visit(EqualFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(NotEqualFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(ContainsFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(StartsWithFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(EndsWithFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(PresentFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(GreaterThanFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(GreaterThanOrEqualFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(LessThanFilter filter, Void unused) {
    return leaf(filter);
  }

  @Override
  public String visit(LessThanOrEqualFilter filter, Void unused) {
    return leaf(filter);
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
    Elements elements = elements(path, filter);
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

  private String leaf(Filter filter) {
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
  private Operand operand(AttributePath path, Stored stored, Filter filter) {
    return operand(path, stored, filter, "v");
  }

  /**
   * @param alias the {@code user_value} row the comparison is on, for values
   */
  private Operand operand(AttributePath path, Stored stored, Filter filter, String alias) {
    if (stored instanceof Stored.Relation relation) {
      return relation.subs().get(path.sub().getName().toLowerCase(Locale.ROOT));
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

  private Elements elements(AttributePath path, Filter filter) {
    Stored stored = table.stored(path);
    if (stored instanceof Stored.Relation || stored instanceof Stored.Values) {
      return new Elements(path, stored);
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

  private static String subNames(AttributePath path) {
    return String.join(
        ", ", path.attribute().getSubAttributes().stream().map(a -> a.getName()).toList());
  }

  /**
   * The elements of one complex attribute, as sets of rows {@code (owner_id, item_id)}: the filter
   * inside brackets becomes set algebra over them.
   */
  private final class Elements implements FilterVisitor<String, Void> {
    private final AttributePath parent;
    private final Stored stored;

    Elements(AttributePath parent, Stored stored) {
      this.parent = parent;
      this.stored = stored;
    }

    /** Every element of the attribute; {@code columns} is what the select returns. */
    String all(String columns) {
      if (stored instanceof Stored.Relation relation) {
        return "select "
            + relation.owner()
            + " as owner_id"
            + (columns.equals("owner_id") ? "" : ", " + relation.item() + " as item_id")
            + " from "
            + relation.from()
            + " where "
            + relation.where();
      }
      return "select v.user_id as owner_id"
          + (columns.equals("owner_id") ? "" : ", v.item_index as item_id")
          + " from user_value v where v.tenant_id = "
          + SqlParameters.TENANT
          + " and v.path = "
          + p.bind(parent.key());
    }

    private String all() {
      return all("owner_id, item_id");
    }

    private AttributePath sub(Filter filter) {
      AttributePath path =
          AttributePaths.resolveSub(parent, filter.getAttributePath())
              .orElseThrow(
                  () ->
                      new InvalidFilter(
                          "in '"
                              + filter
                              + "': '"
                              + parent
                              + "' has no sub-attribute '"
                              + filter.getAttributePath()
                              + "'; it has "
                              + subNames(parent)));
      if (table.stored(path) instanceof Stored.Refused refused) {
        throw Comparison.invalid(filter, refused.reason());
      }
      return path;
    }

    private String leaf(Filter filter) {
      if (filter.getFilterType() == FilterType.NOT_EQUAL) {
        return "(" + all() + ") except (" + rows(List.of(filter), FilterType.EQUAL) + ")";
      }
      return rows(List.of(filter), filter.getFilterType());
    }

    /**
     * The elements on which every one of these comparisons holds, in one select: for memberships
     * all conditions are on one row; for values each comparison is on its own row of the same
     * element, joined on (user, element), so the database can start from the most selective one
     * rather than intersect whole sets.
     *
     * @param type the comparison of a single filter ({@code eq} stands for {@code ne}'s negation)
     */
    private String rows(List<Filter> filters, FilterType type) {
      List<String> conditions = new ArrayList<>();
      if (stored instanceof Stored.Relation relation) {
        for (Filter filter : filters) {
          conditions.add(condition(sub(filter), filter, filters.size() == 1 ? type : null, "v"));
        }
        return "select "
            + relation.owner()
            + " as owner_id, "
            + relation.item()
            + " as item_id from "
            + relation.from()
            + " where "
            + relation.where()
            + " and "
            + String.join(" and ", conditions);
      }
      StringBuilder sql =
          new StringBuilder(
              "select v0.user_id as owner_id, v0.item_index as item_id from user_value v0");
      String where = "";
      for (int i = 0; i < filters.size(); i++) {
        Filter filter = filters.get(i);
        AttributePath path = sub(filter);
        String alias = "v" + i;
        String placeholder = p.bind(path.key());
        String condition = condition(path, filter, filters.size() == 1 ? type : null, alias);
        String own =
            alias + ".path = " + placeholder + (condition == null ? "" : " and " + condition);
        if (i == 0) {
          where = " where v0.tenant_id = " + SqlParameters.TENANT + " and " + own;
        } else {
          sql.append(" join user_value ")
              .append(alias)
              .append(" on ")
              .append(alias)
              .append(".user_id = v0.user_id and ")
              .append(alias)
              .append(".item_index = v0.item_index and ")
              .append(own);
        }
      }
      return sql.append(where).toString();
    }

    /**
     * The condition of one comparison on its row; for a value row that exists only when a value
     * does, {@code pr} needs none (null).
     */
    private String condition(AttributePath path, Filter filter, FilterType type, String alias) {
      FilterType comparison = type != null ? type : filter.getFilterType();
      Operand operand = operand(path, stored, filter, alias);
      if (comparison == FilterType.PRESENT) {
        return stored instanceof Stored.Values ? null : operand.sql() + " is not null";
      }
      return Comparison.sql(operand, filter, comparison, p);
    }

    /** A comparison that selects rows by itself: not a negation, not a combination. */
    private static boolean selectsRows(Filter filter) {
      return !filter.isCombiningFilter()
          && !filter.isNotFilter()
          && !filter.isComplexValueFilter()
          && filter.getFilterType() != FilterType.NOT_EQUAL;
    }

    private String combine(List<Filter> parts, String operator) throws ScimException {
      StringBuilder sql = new StringBuilder();
      for (Filter part : parts) {
        if (!sql.isEmpty()) {
          sql.append(operator);
        }
        sql.append('(').append(part.visit(this, null)).append(')');
      }
      return sql.toString();
    }

    @Override
    public String visit(EqualFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(NotEqualFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(ContainsFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(StartsWithFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(EndsWithFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(PresentFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(GreaterThanFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(GreaterThanOrEqualFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(LessThanFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(LessThanOrEqualFilter filter, Void unused) {
      return leaf(filter);
    }

    @Override
    public String visit(AndFilter filter, Void unused) throws ScimException {
      List<Filter> joined = new ArrayList<>();
      List<Filter> others = new ArrayList<>();
      for (Filter part : filter.getCombinedFilters()) {
        (selectsRows(part) ? joined : others).add(part);
      }
      if (joined.size() < 2) {
        return combine(filter.getCombinedFilters(), " intersect ");
      }
      String rows = rows(joined, null);
      return others.isEmpty() ? rows : "(" + rows + ") intersect " + combine(others, " intersect ");
    }

    @Override
    public String visit(OrFilter filter, Void unused) throws ScimException {
      return combine(filter.getCombinedFilters(), " union ");
    }

    @Override
    public String visit(NotFilter filter, Void unused) throws ScimException {
      return "(" + all() + ") except (" + filter.getInvertedFilter().visit(this, null) + ")";
    }

    @Override
    public String visit(ComplexValueFilter filter, Void unused) {
      throw new InvalidFilter(
          "in '" + filter + "': brackets cannot nest inside '" + parent + "[…]'");
    }
  }
}
