-- Searching users and groups in the database (issue 5). Runs on H2 and PostgreSQL.
--
-- The placeholder textCollation is COLLATE "C" on PostgreSQL and empty on H2 (Database.open): text keys
-- compare by code point on both databases, whatever locale a PostgreSQL cluster was created
-- with. That makes gt/lt filters, sorting and cursor positions agree across databases and with
-- the SDK's in-memory evaluator, and lets PostgreSQL answer `sw` (LIKE 'abc%') from a plain
-- btree index.
ALTER TABLE user_account ALTER COLUMN user_name_lower SET DATA TYPE VARCHAR(1024) ${textCollation};
ALTER TABLE user_account ALTER COLUMN display_name_lower SET DATA TYPE VARCHAR(1024) ${textCollation};
ALTER TABLE user_account ALTER COLUMN external_id SET DATA TYPE VARCHAR(256) ${textCollation};
ALTER TABLE user_group ALTER COLUMN display_name_lower SET DATA TYPE VARCHAR(1024) ${textCollation};
ALTER TABLE user_group ALTER COLUMN external_id SET DATA TYPE VARCHAR(256) ${textCollation};

-- Sorting by externalId or displayName with the id as tie-break; the lookups above keep
-- their (tenant_id, column) indexes.
CREATE INDEX ix_user_account_external_id_sort ON user_account (tenant_id, external_id, id);
CREATE INDEX ix_user_account_display_name_sort ON user_account (tenant_id, display_name_lower, id);

-- Every attribute value of a user that is not a column of user_account: name.*, nickName,
-- title, …, every element of emails, phoneNumbers, ims, photos, addresses, entitlements,
-- roles, x509Certificates, and the enterprise extension. One row per value:
--   path       the attribute path in lower case ('emails.value', 'name.familyname',
--              'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager.value');
--              a complex attribute also gets one row per element with its own path
--              ('emails'), so `emails pr` and `emails[not (type eq "work")]` have an element to
--              talk about.
--   item_index the element's position in a multi-valued attribute (0 for singular ones): a
--              filter `emails[type eq "work" and value co "@x"]` matches both on one element.
--   text_value strings as the schema compares them: case-folded for caseExact:false
--              attributes (dev.roster.domain.CaseInsensitive), as written for caseExact:true.
--   text_key   the first 200 characters of text_value, indexed: values are unbounded (an
--              X.509 certificate is kilobytes) and an index entry is not, so equality and
--              prefix lookups go through the key and are confirmed on text_value.
--   bool_value booleans (emails.primary, …).
-- Rows are written with the user in the same transaction (JpaUserStore, SyncPlanWriter),
-- replaced whole on every write. user_account.search_version says which version of this
-- layout a user's rows follow; at start Roster rewrites the rows of users below the current
-- version (UserValues.reindexStale), which is how users created before this migration get
-- theirs.
ALTER TABLE user_account ADD COLUMN search_version INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE user_value (
  user_id     UUID NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
  tenant_id   UUID NOT NULL REFERENCES tenant (id),
  path        VARCHAR(200) NOT NULL,
  item_index  INTEGER NOT NULL,
  text_value  VARCHAR(1000000) ${textCollation},
  text_key    VARCHAR(200) ${textCollation},
  bool_value  BOOLEAN
);
-- `emails.value eq "x"`: one index range per tenant and path, then the users.
CREATE INDEX ix_user_value_lookup ON user_value (tenant_id, path, text_key);
-- A user's values of one attribute: complex filters on one element, sorting, deletes.
CREATE INDEX ix_user_value_user ON user_value (user_id, path, item_index);
CREATE INDEX ix_user_account_search_version ON user_account (search_version);
