-- 0005: each story counts the articles placed in it (kept by triggers), so
-- that the stories whose comparison is out of date — placed ≠ articles,
-- the count their last report saw — are found through a partial index in
-- time that does not grow with the library: every ingest and serve start
-- asks for them.

ALTER TABLE stories ADD COLUMN placed INTEGER NOT NULL DEFAULT 0;

UPDATE stories SET placed = (SELECT count(*) FROM articles a WHERE a.story_id = stories.id);

CREATE TRIGGER articles_placed_insert AFTER INSERT ON articles WHEN NEW.story_id IS NOT NULL BEGIN
	UPDATE stories SET placed = placed + 1 WHERE id = NEW.story_id;
END;

CREATE TRIGGER articles_placed_update AFTER UPDATE OF story_id ON articles
WHEN OLD.story_id IS NOT NEW.story_id BEGIN
	UPDATE stories SET placed = placed - 1 WHERE id = OLD.story_id;
	UPDATE stories SET placed = placed + 1 WHERE id = NEW.story_id;
END;

CREATE TRIGGER articles_placed_delete AFTER DELETE ON articles WHEN OLD.story_id IS NOT NULL BEGIN
	UPDATE stories SET placed = placed - 1 WHERE id = OLD.story_id;
END;

CREATE INDEX stories_stale ON stories (id) WHERE placed != articles;
