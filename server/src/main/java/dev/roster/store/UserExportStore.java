package dev.roster.store;

import com.unboundid.scim2.common.filters.Filter;
import dev.roster.domain.User;
import java.util.List;
import java.util.UUID;

/**
 * Users of one tenant read for an export: a keyset walk in userName order, one page at a time, so a
 * caller holds one page whatever the tenant's size. Each call must run inside {@link
 * Transactions#inTransaction}; a walk may use one transaction per page, so no connection is held
 * while a slow client reads.
 */
public interface UserExportStore {

  /**
   * Up to {@code limit} users matching {@code filter} (all when null), in userName order (ignoring
   * case), strictly after the position {@code after} (from the start when null).
   */
  Page page(UUID tenantId, Filter filter, String after, int limit);

  /**
   * One page of a walk.
   *
   * @param users the users with the display names of their direct groups
   * @param last the position to continue after, or null when the page is the walk's last
   */
  record Page(List<Row> users, String last) {}

  /** A user and the display names of its direct groups, in name order. */
  record Row(User user, List<String> groupNames) {}
}
