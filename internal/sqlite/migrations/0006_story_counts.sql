-- 0006: the counts that find stale stories (0005) move out of the stories
-- row into a narrow table. SQLite rewrites a whole row to change one
-- column, and a story's row holds its report (141 KB on average in a
-- library of 100,000 articles, over a megabyte for the largest), so every
-- placement's "placed + 1" rewrote the report.

CREATE TABLE story_counts (
	story_id INTEGER PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
	placed   INTEGER NOT NULL DEFAULT 0, -- articles placed in the story (kept by triggers)
	articles INTEGER NOT NULL DEFAULT 0  -- stories.articles: the count its last report saw
) STRICT;

INSERT INTO story_counts (story_id, placed, articles) SELECT id, placed, articles FROM stories;

DROP TRIGGER articles_placed_insert;
DROP TRIGGER articles_placed_update;
DROP TRIGGER articles_placed_delete;
DROP INDEX stories_stale;
ALTER TABLE stories DROP COLUMN placed;

CREATE TRIGGER stories_counts_insert AFTER INSERT ON stories BEGIN
	INSERT INTO story_counts (story_id, articles) VALUES (NEW.id, NEW.articles)
		ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles;
END;

CREATE TRIGGER stories_counts_update AFTER UPDATE OF articles ON stories
WHEN OLD.articles IS NOT NEW.articles BEGIN
	UPDATE story_counts SET articles = NEW.articles WHERE story_id = NEW.id;
END;

CREATE TRIGGER stories_counts_delete AFTER DELETE ON stories BEGIN
	DELETE FROM story_counts WHERE story_id = OLD.id;
END;

CREATE TRIGGER articles_placed_insert AFTER INSERT ON articles WHEN NEW.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed + 1 WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER articles_placed_update AFTER UPDATE OF story_id ON articles
WHEN OLD.story_id IS NOT NEW.story_id BEGIN
	UPDATE story_counts SET placed = placed - 1 WHERE story_id = OLD.story_id;
	UPDATE story_counts SET placed = placed + 1 WHERE story_id = NEW.story_id;
END;

CREATE TRIGGER articles_placed_delete AFTER DELETE ON articles WHEN OLD.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed - 1 WHERE story_id = OLD.story_id;
END;

CREATE INDEX story_counts_stale ON story_counts (story_id) WHERE placed != articles;
