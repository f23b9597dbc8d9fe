-- A sync run asks, for each group, whether it holds memberships of its origin, and reads them:
-- both are probes into this index, where the unique key (group, member, origin) would walk every
-- member of a large group of other origins.
CREATE INDEX ix_membership_group_origin ON membership (group_id, origin);

-- What each group holds with a sync origin, as a digest (dev.roster.sync.port.MemberDigest) as of
-- a version of the group: every change to a group's members moves its version, so a digest whose
-- version is the group's own is what the group holds now, and a run whose directory wants exactly
-- that skips reading the group's memberships.
CREATE TABLE sync_group_digest (
  group_id       UUID NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
  origin         VARCHAR(160) NOT NULL,
  digest         VARCHAR(100) NOT NULL,
  group_version  BIGINT NOT NULL,
  PRIMARY KEY (group_id, origin)
);
