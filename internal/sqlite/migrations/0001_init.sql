-- 0001: the library's first schema.
--
-- Times are UTC text in one fixed-width form (2006-01-02T15:04:05.000000000Z)
-- so that they sort and compare as strings; NULL is the zero time.

CREATE TABLE outlets (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_polled   TEXT,
	next_poll     TEXT,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT '',
	created       TEXT NOT NULL
) STRICT;

CREATE TABLE stories (
	id        INTEGER PRIMARY KEY,
	title     TEXT NOT NULL DEFAULT '',
	articles  INTEGER NOT NULL DEFAULT 0,
	outlets   INTEGER NOT NULL DEFAULT 0,
	conflicts INTEGER NOT NULL DEFAULT 0,
	first     TEXT,
	last      TEXT,
	updated   TEXT,           -- NULL until a report is saved
	report    BLOB,           -- the last report, JSON
	created   TEXT NOT NULL
) STRICT;

CREATE INDEX stories_updated ON stories (updated DESC, id DESC);

CREATE TABLE articles (
	id             INTEGER PRIMARY KEY,
	url            TEXT,      -- NULL when unknown
	source         TEXT NOT NULL DEFAULT '',
	outlet_id      INTEGER REFERENCES outlets (id),
	title          TEXT NOT NULL DEFAULT '',
	author         TEXT NOT NULL DEFAULT '',
	published      TEXT,      -- NULL when unknown
	-- where in text the publication date and the headline were read from
	published_from INTEGER NOT NULL DEFAULT 0,
	published_to   INTEGER NOT NULL DEFAULT 0,
	title_from     INTEGER NOT NULL DEFAULT 0,
	title_to       INTEGER NOT NULL DEFAULT 0,
	language       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL DEFAULT '',
	raw            BLOB,
	raw_type       TEXT NOT NULL DEFAULT '',
	hash           TEXT,      -- NULL when the caller gave none
	analysis       BLOB,
	story_id       INTEGER REFERENCES stories (id) ON DELETE SET NULL,
	duplicate_of   INTEGER REFERENCES articles (id) ON DELETE SET NULL,
	feed_id        INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
	created        TEXT NOT NULL
) STRICT;

-- UNIQUE allows any number of NULLs: articles without a URL or hash.
CREATE UNIQUE INDEX articles_url  ON articles (url);
CREATE UNIQUE INDEX articles_hash ON articles (hash);
CREATE INDEX articles_published   ON articles (published);
CREATE INDEX articles_story       ON articles (story_id);
-- For ON DELETE SET NULL; most articles have neither, and a partial index
-- costs their inserts nothing. (Outlets are never deleted: no index.)
CREATE INDEX articles_feed        ON articles (feed_id) WHERE feed_id IS NOT NULL;
CREATE INDEX articles_duplicate   ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
-- ArticlesSince and the stories' Since filter: dated, or else added.
CREATE INDEX articles_date ON articles (coalesce(published, created), id);

-- Full text over headline and text, kept in step with articles by triggers
-- (external content: the text itself is stored once, in articles). No
-- stemmer: the library holds many languages, and a stemmer would make a
-- prefix query miss ("evacuat*" would not find "evacuated", stored as
-- "evacu"); case and diacritics are folded.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
