package dev.roster.store.jpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.types.AttributeDefinition;
import com.unboundid.scim2.common.types.SchemaResource;
import dev.roster.domain.CaseInsensitive;
import dev.roster.domain.UserDetails;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code user_value} for a user: every value of an attribute that is not a column,
 * found by walking the stored attributes along the User schema and its extensions, so a new
 * attribute in the schema is searchable without code here. Values are stored as the schema compares
 * them, and empty strings are left out (RFC 7644 §3.4.2.2: {@code pr} wants a non-empty value).
 *
 * <pre>{@code
 * UserValues.index(entity); // after entity.attributes changed, in the writing transaction
 * }</pre>
 */
final class UserValues {
  /** The layout of the rows; raising it makes {@link #reindexStale} rewrite every user's rows. */
  static final int VERSION = 1;

  /** Characters of a value in the indexed {@code text_key}. */
  static final int KEY_LENGTH = 200;

  private static final Logger LOG = LoggerFactory.getLogger(UserValues.class);
  private static final int BATCH = 500;

  private UserValues() {}

  /** Rewrites the user's values from its attributes. Call it whenever the attributes change. */
  static void index(UserEntity user) {
    index(user, StoredJson.readUser(user.attributes));
  }

  /** The same, given the attributes the user's JSON was just written from. */
  static void index(UserEntity user, UserDetails attributes) {
    user.values = of(user.tenantId, StoredJson.tree(attributes));
    user.searchVersion = VERSION;
  }

  /**
   * Indexes users whose values are missing or older than {@link #VERSION}, in batches of one
   * transaction each; users created before this table existed get theirs here.
   *
   * @return how many users were indexed
   */
  static int reindexStale(JpaTransactions tx) {
    int total = 0;
    while (true) {
      int done =
          tx.inTransaction(
              () -> {
                Session session = tx.session();
                List<UserEntity> stale =
                    session
                        .createSelectionQuery(
                            "from UserEntity u where u.searchVersion < :version order by u.id",
                            UserEntity.class)
                        .setParameter("version", VERSION)
                        .setMaxResults(BATCH)
                        .getResultList();
                stale.forEach(UserValues::index);
                return stale.size();
              });
      total += done;
      if (done < BATCH) {
        if (total > 0) {
          LOG.info("search values rewritten users={} version={}", total, VERSION);
        }
        return total;
      }
    }
  }

  /** The rows for a user whose stored attributes (domain-shaped JSON) are {@code stored}. */
  static List<UserValue> of(UUID tenantId, ObjectNode stored) {
    Rows rows = new Rows(tenantId);
    ScimResourceType type = ScimResourceType.USER;
    for (AttributeDefinition attribute : type.core().getAttributes()) {
      AttributePath path = new AttributePath(null, attribute, null);
      if (!ResourceTable.USERS.isColumn(path)) {
        rows.attribute(path, stored.get(attribute.getName()));
      }
    }
    // The domain keeps the enterprise extension under "enterprise", and the manager's "$ref" as
    // "ref": the only places where its names differ from SCIM's. Roster's extension is under
    // "roster", less its attributes that are columns (source, profile, …) or computed.
    if (stored.get("enterprise") instanceof ObjectNode enterprise
        && enterprise.get("manager") instanceof ObjectNode manager
        && manager.has("ref")) {
      manager.set("$ref", manager.remove("ref"));
    }
    for (SchemaResource extension : type.extensions()) {
      boolean roster = extension.getId().equals(ScimSchemas.ROSTER_USER_URN);
      if (stored.get(roster ? "roster" : "enterprise") instanceof ObjectNode node) {
        for (AttributeDefinition attribute : extension.getAttributes()) {
          AttributePath path = new AttributePath(extension.getId(), attribute, null);
          if (ResourceTable.USERS.stored(path) instanceof Stored.Values) {
            rows.attribute(path, node.get(attribute.getName()));
          }
        }
      }
    }
    return rows.list;
  }

  /** Collects the rows of one user. */
  private static final class Rows {
    private final UUID tenantId;
    private final List<UserValue> list = new ArrayList<>();

    Rows(UUID tenantId) {
      this.tenantId = tenantId;
    }

    void attribute(AttributePath path, JsonNode node) {
      if (node == null || node.isNull()) {
        return;
      }
      if (path.multiValued() && node.isArray()) {
        for (int item = 0; item < node.size(); item++) {
          element(path, node.get(item), item);
        }
      } else {
        element(path, node, 0);
      }
    }

    private void element(AttributePath path, JsonNode node, int item) {
      if (path.attribute().getType() != AttributeDefinition.Type.COMPLEX) {
        value(path, node, item);
        return;
      }
      if (!node.isObject()) {
        return;
      }
      // The element itself: what `emails pr` and `emails[not (…)]` speak of.
      list.add(new UserValue(tenantId, path.key(), item, null, null, null));
      for (AttributeDefinition sub : path.attribute().getSubAttributes()) {
        value(path.child(sub), node.get(sub.getName()), item);
      }
    }

    private void value(AttributePath path, JsonNode node, int item) {
      if (node == null || node.isNull()) {
        return;
      }
      AttributeDefinition definition = path.definition();
      switch (definition.getType()) {
        case BOOLEAN -> {
          if (node.isBoolean()) {
            list.add(new UserValue(tenantId, path.key(), item, null, null, node.booleanValue()));
          }
        }
        case STRING, REFERENCE, BINARY -> {
          if (node.isTextual() && !node.textValue().isEmpty()) {
            String text =
                definition.isCaseExact() ? node.textValue() : CaseInsensitive.key(node.textValue());
            list.add(new UserValue(tenantId, path.key(), item, text, Comparison.key(text), null));
          }
        }
        // No User attribute has these types; a schema that adds one must give it a stored form
        // here and in Comparison before it can be searched (SqlFilter refuses it until then).
        default -> {}
      }
    }
  }
}
