-- Where the next incremental run of a source starts: an RFC 4533 content-sync cookie or a
-- modifyTimestamp high-water mark taken from the directory's own clock. Opaque to Roster;
-- written only after a run applied successfully.
CREATE TABLE sync_cursor (
  source   VARCHAR(64) PRIMARY KEY,
  mark     VARCHAR(4000) NOT NULL,
  updated  TIMESTAMP WITH TIME ZONE NOT NULL
);
