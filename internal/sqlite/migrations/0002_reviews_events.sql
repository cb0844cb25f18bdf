-- 0002: reviews of conflicts, and the events alerts are made of.
--
-- A review belongs to a story and names its conflict by key (kind,
-- subject and what the sides say: parallax.Conflict.Key), not by its place
-- in the report, so it survives the story being compared again.

CREATE TABLE reviews (
	story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	key      TEXT NOT NULL,
	verdict  TEXT NOT NULL CHECK (verdict IN ('confirmed', 'not_a_conflict')),
	note     TEXT NOT NULL DEFAULT '',
	by       TEXT NOT NULL DEFAULT '',
	at       TEXT NOT NULL,
	PRIMARY KEY (story_id, key)
) STRICT;

-- What changed in a story: an outlet or a conflict it gained.
CREATE TABLE events (
	id       INTEGER PRIMARY KEY,
	story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,
	subject  TEXT NOT NULL DEFAULT '',
	summary  TEXT NOT NULL DEFAULT '',
	title    TEXT NOT NULL DEFAULT '',
	at       TEXT NOT NULL
) STRICT;

CREATE INDEX events_story ON events (story_id, id);
