package dev.roster.store.jpa;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import dev.roster.domain.InvalidFilter;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.AttributePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter inside the brackets of a complex filter ({@code emails[type eq "work" and value co
 * "@x"]}, RFC 7644 §3.4.2.2) as SQL over the elements of one complex attribute: each element is a
 * row {@code (owner_id, item_id)} (a user and an element position in {@code user_value}, or a
 * membership), each comparison selects the elements it holds for, and {@code and} / {@code or} /
 * {@code not} become {@code intersect} / {@code union} / {@code except}. Comparisons joined by
 * {@code and} are one select, so the database starts from the most selective of them.
 */
final class ElementSets extends LeafVisitor {
  private final ResourceTable table;
  private final SqlParameters p;
  private final AttributePath parent;
  private final Stored stored;

  ElementSets(ResourceTable table, SqlParameters p, AttributePath parent, Stored stored) {
    this.table = table;
    this.p = p;
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
                            + SqlFilter.subNames(parent)));
    if (table.stored(path) instanceof Stored.Refused refused) {
      throw Comparison.invalid(filter, refused.reason());
    }
    return path;
  }

  @Override
  String leaf(Filter filter) {
    if (filter.getFilterType() == FilterType.NOT_EQUAL) {
      return "(" + all() + ") except (" + rows(List.of(filter), FilterType.EQUAL) + ")";
    }
    return rows(List.of(filter), filter.getFilterType());
  }

  /**
   * The elements on which every one of these comparisons holds, in one select: for memberships all
   * conditions are on one row; for values each comparison is on its own row of the same element,
   * joined on (user, element), so the database can start from the most selective one rather than
   * intersect whole sets.
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
   * The condition of one comparison on its row; for a value row that exists only when a value does,
   * {@code pr} needs none (null).
   */
  private String condition(AttributePath path, Filter filter, FilterType type, String alias) {
    FilterType comparison = type != null ? type : filter.getFilterType();
    Operand operand = SqlFilter.operand(path, stored, filter, alias);
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
    throw new InvalidFilter("in '" + filter + "': brackets cannot nest inside '" + parent + "[…]'");
  }
}
