package dev.roster.store.jpa;

import com.unboundid.scim2.common.types.AttributeDefinition;
import dev.roster.scim.schema.AttributePath;
import dev.roster.scim.schema.ScimResourceType;
import dev.roster.scim.schema.ScimSchemas;
import java.util.Locale;
import java.util.Map;

/**
 * How one resource type is stored, seen from a search: its table, which attributes are columns of
 * it, which come from memberships, and that everything else a user has lives in {@code user_value}.
 * Columns hold what lookups, uniqueness and default sorting need; their text is stored as the
 * schema compares it (the {@code *_lower} columns are case-folded).
 */
final class ResourceTable {
  private static final String ROSTER_USER =
      ScimSchemas.ROSTER_USER_URN.toLowerCase(Locale.ROOT) + ":";
  private static final String ROSTER_GROUP =
      ScimSchemas.ROSTER_GROUP_URN.toLowerCase(Locale.ROOT) + ":";

  private static final String META_REFUSED =
      "cannot be searched; meta.created and meta.lastModified can";

  static final ResourceTable USERS =
      new ResourceTable(
          ScimResourceType.USER,
          "user_account",
          "username",
          Map.ofEntries(
              Map.entry("id", idColumn()),
              Map.entry(
                  "externalid",
                  new Stored.Column(Operand.text("e.external_id", false), false, true)),
              Map.entry(
                  "username",
                  new Stored.Column(Operand.text("e.user_name_lower", true), true, false)),
              Map.entry(
                  "displayname",
                  new Stored.Column(Operand.text("e.display_name_lower", true), false, true)),
              Map.entry(
                  "active",
                  new Stored.Column(Operand.of("e.active", Operand.Kind.BOOLEAN), false, false)),
              Map.entry("meta.created", dateTimeColumn("e.created")),
              Map.entry("meta.lastmodified", dateTimeColumn("e.last_modified")),
              // Roster's extension: the account's columns (V1, V6).
              Map.entry(
                  ROSTER_USER + "source",
                  new Stored.Column(Operand.text("e.source", false), false, false)),
              Map.entry(
                  ROSTER_USER + "sourcename",
                  new Stored.Column(Operand.text("e.source_name", false), false, true)),
              Map.entry(
                  ROSTER_USER + "ldapdn",
                  new Stored.Column(Operand.text("e.ldap_dn", false), false, true)),
              Map.entry(
                  ROSTER_USER + "profile",
                  new Stored.Column(Operand.text("e.profile", false), false, true)),
              Map.entry(
                  ROSTER_USER + "hidden",
                  new Stored.Column(Operand.of("e.hidden", Operand.Kind.BOOLEAN), false, false)),
              Map.entry(
                  ROSTER_USER + "lastlogin",
                  new Stored.Column(
                      Operand.of("e.last_login", Operand.Kind.DATE_TIME), false, true))),
          Map.of(
              ROSTER_USER + "effectivepermissions",
              // Entitlements and the permissions of every group the user is in, nested too.
              new Stored.Relation(
                  NestedGroups.effectivePermissions() + " ep",
                  "1 = 1",
                  "ep.owner_id",
                  "ep.permission",
                  Map.of("", Operand.text("ep.permission", true))),
              "groups",
              new Stored.Relation(
                  "membership m join user_group g on g.id = m.group_id",
                  "m.tenant_id = " + SqlParameters.TENANT + " and m.user_id is not null",
                  "m.user_id",
                  "m.group_id",
                  Map.of(
                      "value", Operand.id("m.group_id", true),
                      "display", Operand.text("g.display_name_lower", true),
                      // Roster shows direct memberships only.
                      "type", Operand.text("'direct'", true)))),
          Map.of("password", "is never returned, so it cannot be searched either"),
          true);

  static final ResourceTable GROUPS =
      new ResourceTable(
          ScimResourceType.GROUP,
          "user_group",
          "displayname",
          Map.of(
              "id",
              idColumn(),
              "externalid",
              new Stored.Column(Operand.text("e.external_id", false), false, true),
              "displayname",
              new Stored.Column(Operand.text("e.display_name_lower", true), true, false),
              "meta.created",
              dateTimeColumn("e.created"),
              "meta.lastmodified",
              dateTimeColumn("e.last_modified"),
              ROSTER_GROUP + "admin",
              new Stored.Column(Operand.of("e.admin", Operand.Kind.BOOLEAN), false, false),
              ROSTER_GROUP + "source",
              new Stored.Column(Operand.text("e.source", false), false, false)),
          Map.of(
              ROSTER_GROUP + "permissions",
              new Stored.Relation(
                  "group_permission gp",
                  "gp.tenant_id = " + SqlParameters.TENANT,
                  "gp.group_id",
                  "gp.permission_key",
                  Map.of("", Operand.text("gp.permission_key", true))),
              "members",
              new Stored.Relation(
                  "membership m left join user_account mu on mu.id = m.user_id"
                      + " left join user_group mg on mg.id = m.member_group_id",
                  "m.tenant_id = " + SqlParameters.TENANT,
                  "m.group_id",
                  "coalesce(m.user_id, m.member_group_id)",
                  Map.of(
                      "value",
                          Operand.id(
                              "coalesce(m.user_id, m.member_group_id)",
                              true,
                              "m.user_id",
                              "m.member_group_id"),
                      "display",
                          Operand.text(
                              "coalesce(mu.display_name_lower, mu.user_name_lower,"
                                  + " mg.display_name_lower)",
                              true),
                      "type",
                          Operand.text(
                              "case when m.user_id is not null then 'user' else 'group' end",
                              true)))),
          Map.of(),
          false);

  private final ScimResourceType type;
  private final String table;
  private final String defaultSort;
  private final Map<String, Stored.Column> columns;
  private final Map<String, Stored.Relation> relations;
  private final Map<String, String> refused;
  private final boolean hasValues;

  private ResourceTable(
      ScimResourceType type,
      String table,
      String defaultSort,
      Map<String, Stored.Column> columns,
      Map<String, Stored.Relation> relations,
      Map<String, String> refused,
      boolean hasValues) {
    this.type = type;
    this.table = table;
    this.defaultSort = defaultSort;
    this.columns = columns;
    this.relations = relations;
    this.refused = refused;
    this.hasValues = hasValues;
  }

  ScimResourceType type() {
    return type;
  }

  String table() {
    return table;
  }

  /** The column a search sorts by when the client names none. */
  Stored.Column defaultSort() {
    return columns.get(defaultSort);
  }

  /** Whether the attribute (not a sub-attribute) is one of the row's columns. */
  boolean isColumn(AttributePath path) {
    return columns.containsKey(path.key());
  }

  Stored stored(AttributePath path) {
    String key = path.key();
    Stored.Column column = columns.get(key);
    if (column != null) {
      return column;
    }
    String top = path.parent().key();
    if (path.definition().getReturned() == AttributeDefinition.Returned.NEVER) {
      return new Stored.Refused("is never returned, so it cannot be searched either");
    }
    if (refused.containsKey(top)) {
      return new Stored.Refused(refused.get(top));
    }
    if (top.equals("meta")) {
      return new Stored.Refused(META_REFUSED);
    }
    Stored.Relation relation = relations.get(top);
    if (relation != null) {
      if (path.sub() != null
          && !relation.subs().containsKey(path.sub().getName().toLowerCase(Locale.ROOT))) {
        return new Stored.Refused("cannot be searched; compare its value, display or type");
      }
      return relation;
    }
    if (columns.containsKey(top) || !hasValues) {
      // A sub-attribute of a column, or any other attribute of a type without value rows.
      return new Stored.Refused("cannot be searched");
    }
    return new Stored.Values();
  }

  private static Stored.Column idColumn() {
    return new Stored.Column(Operand.id("e.id", false), true, false);
  }

  private static Stored.Column dateTimeColumn(String sql) {
    return new Stored.Column(Operand.of(sql, Operand.Kind.DATE_TIME), false, false);
  }
}
