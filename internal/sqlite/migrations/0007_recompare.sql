-- 0007: a story is also out of date when its articles changed without its
-- count changing (a regrouping moved one in and one out) or when an
-- article's analysis changed (reanalyze): the recompare flag, set by the
-- triggers that see those changes and cleared by SaveReport. A story
-- starts flagged, so that one left empty by a placer killed before it
-- saved the story's first placement is found (and deleted) by the next.

ALTER TABLE story_counts ADD COLUMN recompare INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER stories_counts_insert;
CREATE TRIGGER stories_counts_insert AFTER INSERT ON stories BEGIN
	INSERT INTO story_counts (story_id, articles, recompare) VALUES (NEW.id, NEW.articles, 1)
		ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles, recompare = 1;
END;

DROP TRIGGER articles_placed_insert;
CREATE TRIGGER articles_placed_insert AFTER INSERT ON articles WHEN NEW.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed + 1, recompare = 1 WHERE story_id = NEW.story_id;
END;

DROP TRIGGER articles_placed_update;
CREATE TRIGGER articles_placed_update AFTER UPDATE OF story_id ON articles
WHEN OLD.story_id IS NOT NEW.story_id BEGIN
	UPDATE story_counts SET placed = placed - 1, recompare = 1 WHERE story_id = OLD.story_id;
	UPDATE story_counts SET placed = placed + 1, recompare = 1 WHERE story_id = NEW.story_id;
END;

DROP TRIGGER articles_placed_delete;
CREATE TRIGGER articles_placed_delete AFTER DELETE ON articles WHEN OLD.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed - 1, recompare = 1 WHERE story_id = OLD.story_id;
END;

CREATE TRIGGER articles_reanalysed AFTER UPDATE OF analysis ON articles
WHEN NEW.story_id IS NOT NULL AND OLD.analysis IS NOT NEW.analysis BEGIN
	UPDATE story_counts SET recompare = 1 WHERE story_id = NEW.story_id AND recompare = 0;
END;

DROP INDEX story_counts_stale;
CREATE INDEX story_counts_stale ON story_counts (story_id) WHERE placed != articles OR recompare;
