-- 0008: a change counter for each story, so that a comparison clears the
-- recompare flag (0007) only when nothing changed while it ran. A
-- comparison reads the counter with the story (Story) before it reads
-- the articles; SaveReport clears the flag only while the counter still
-- has that value. Without it, a process that compared a story as it was
-- cleared the flag set meanwhile by another that moved an article in (and
-- one out, so that the counts agreed) or replaced an analysis, and the
-- story kept a stale report. Every trigger that sets the flag counts one.

ALTER TABLE story_counts ADD COLUMN changes INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER stories_counts_insert;
CREATE TRIGGER stories_counts_insert AFTER INSERT ON stories BEGIN
	INSERT INTO story_counts (story_id, articles, recompare) VALUES (NEW.id, NEW.articles, 1)
		ON CONFLICT (story_id) DO UPDATE SET articles = excluded.articles, recompare = 1, changes = changes + 1;
END;

DROP TRIGGER articles_placed_insert;
CREATE TRIGGER articles_placed_insert AFTER INSERT ON articles WHEN NEW.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed + 1, recompare = 1, changes = changes + 1 WHERE story_id = NEW.story_id;
END;

DROP TRIGGER articles_placed_update;
CREATE TRIGGER articles_placed_update AFTER UPDATE OF story_id ON articles
WHEN OLD.story_id IS NOT NEW.story_id BEGIN
	UPDATE story_counts SET placed = placed - 1, recompare = 1, changes = changes + 1 WHERE story_id = OLD.story_id;
	UPDATE story_counts SET placed = placed + 1, recompare = 1, changes = changes + 1 WHERE story_id = NEW.story_id;
END;

DROP TRIGGER articles_placed_delete;
CREATE TRIGGER articles_placed_delete AFTER DELETE ON articles WHEN OLD.story_id IS NOT NULL BEGIN
	UPDATE story_counts SET placed = placed - 1, recompare = 1, changes = changes + 1 WHERE story_id = OLD.story_id;
END;

-- Counted even when the flag is set already: a comparison may be running.
DROP TRIGGER articles_reanalysed;
CREATE TRIGGER articles_reanalysed AFTER UPDATE OF analysis ON articles
WHEN NEW.story_id IS NOT NULL AND OLD.analysis IS NOT NEW.analysis BEGIN
	UPDATE story_counts SET recompare = 1, changes = changes + 1 WHERE story_id = NEW.story_id;
END;
