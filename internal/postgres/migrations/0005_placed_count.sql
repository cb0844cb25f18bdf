-- 0005: each story counts the articles placed in it (kept by a trigger), so
-- that the stories whose comparison is out of date — placed ≠ articles,
-- the count their last report saw — are found through a partial index in
-- time that does not grow with the library: every ingest and serve start
-- asks for them.

ALTER TABLE stories ADD COLUMN placed integer NOT NULL DEFAULT 0;

UPDATE stories s SET placed = c.n FROM (SELECT story_id, count(*) AS n FROM articles WHERE story_id IS NOT NULL GROUP BY story_id) c
WHERE c.story_id = s.id;

CREATE FUNCTION articles_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed - 1 WHERE id = OLD.story_id;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed + 1 WHERE id = NEW.story_id;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER articles_placed_insert AFTER INSERT ON articles
	FOR EACH ROW WHEN (NEW.story_id IS NOT NULL) EXECUTE FUNCTION articles_placed();
CREATE TRIGGER articles_placed_update AFTER UPDATE OF story_id ON articles
	FOR EACH ROW WHEN (OLD.story_id IS DISTINCT FROM NEW.story_id) EXECUTE FUNCTION articles_placed();
CREATE TRIGGER articles_placed_delete AFTER DELETE ON articles
	FOR EACH ROW WHEN (OLD.story_id IS NOT NULL) EXECUTE FUNCTION articles_placed();

CREATE INDEX stories_stale ON stories (id) WHERE placed != articles;
