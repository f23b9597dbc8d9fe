-- (tenant_id, external_id) and (tenant_id, display_name_lower) are prefixes of the sort indexes
-- V5 added, (tenant_id, external_id, id) and (tenant_id, display_name_lower, id): those answer the
-- same lookups, and every user written paid for both copies (a sync's first run writes 100,000).
DROP INDEX ix_user_account_external_id;
DROP INDEX ix_user_account_display_name;
