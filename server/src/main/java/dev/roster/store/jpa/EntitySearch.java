package dev.roster.store.jpa;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import dev.roster.domain.InvalidFilter;
import dev.roster.store.Page;
import dev.roster.store.SearchQuery;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * A filtered, sorted, paged search over one entity, answered by the database: a count and one page,
 * each one query. The id breaks sort ties so that pages are stable.
 */
final class EntitySearch {
  private final String entity;
  private final Map<String, QueryColumn> columns;
  private final String defaultSortField;

  EntitySearch(String entity, Map<String, QueryColumn> columns, String defaultSortField) {
    this.entity = entity;
    this.columns = columns;
    this.defaultSortField = defaultSortField;
  }

  <E> Page<E> run(Session session, java.util.UUID tenantId, SearchQuery query, Class<E> type) {
    JpqlCondition condition = new JpqlCondition();
    String where = "e.tenantId = " + condition.bind(tenantId);
    if (query.filter() != null) {
      where += " and " + new FilterTranslator("e", columns).translate(query.filter(), condition);
    }
    SelectionQuery<Long> count =
        session.createSelectionQuery(
            "select count(e) from " + entity + " e where " + where, Long.class);
    condition.applyTo(count);
    long total = count.getSingleResult();
    if (query.count() == 0 || total < query.startIndex()) {
      return new Page<>(List.of(), total, query.startIndex());
    }
    String direction = query.descending() ? " desc" : " asc";
    String order = " order by e." + sortField(query.sortBy()) + direction + ", e.id" + direction;
    SelectionQuery<E> page =
        session.createSelectionQuery("from " + entity + " e where " + where + order, type);
    condition.applyTo(page);
    page.setFirstResult(query.startIndex() - 1).setMaxResults(query.count());
    return new Page<>(page.getResultList(), total, query.startIndex());
  }

  private String sortField(String sortBy) {
    if (sortBy == null || sortBy.isBlank()) {
      return defaultSortField;
    }
    Path path;
    try {
      path = Path.fromString(sortBy);
    } catch (BadRequestException e) {
      throw new InvalidFilter("sortBy '" + sortBy + "' is not an attribute path");
    }
    return FilterTranslator.column(columns, path).field();
  }
}
