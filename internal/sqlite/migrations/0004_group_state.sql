-- 0004: the grouping index, kept so that starting ingest or serve does not
-- rebuild it from every recent article: values of a few kinds (counts,
-- document frequencies, posting lists, stories, LSH buckets, documents),
-- each under an integer key. internal/group defines them.

CREATE TABLE group_state (
    kind  INTEGER NOT NULL,
    key   INTEGER NOT NULL,
    value BLOB NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
