package dev.roster.store.jpa;

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
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;

/**
 * A filter visitor that writes SQL and treats every attribute comparison alike: the ten comparison
 * operators of the SDK's visitor all go to {@link #leaf}, so a translator writes only that and the
 * logical operators.
 */
abstract class LeafVisitor implements FilterVisitor<String, Void> {
  /** The SQL of one comparison ({@code eq}, {@code pr}, {@code gt}, …). */
  abstract String leaf(Filter filter);

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
}
