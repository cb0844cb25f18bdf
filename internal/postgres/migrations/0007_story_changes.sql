-- 0007: a change counter for each story, so that a comparison clears the
-- recompare flag (0006) only when nothing changed while it ran. A
-- comparison reads the counter with the story (Story) before it reads
-- the articles; SaveReport clears the flag only while the counter still
-- has that value (its UPDATE waits for the row lock of a placement in
-- flight and then sees the counter that placement left). Without it, a
-- process that compared a story as it was cleared the flag set meanwhile
-- by another that moved an article in (and one out, so that the counts
-- agreed) or replaced an analysis, and the story kept a stale report.
-- Every trigger that sets the flag counts one.

ALTER TABLE stories ADD COLUMN changes bigint NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION articles_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed - 1, recompare = true, changes = changes + 1 WHERE id = OLD.story_id;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed + 1, recompare = true, changes = changes + 1 WHERE id = NEW.story_id;
	END IF;
	RETURN NULL;
END $$;

-- Counted even when the flag is set already: a comparison may be running.
CREATE OR REPLACE FUNCTION articles_reanalysed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE stories SET recompare = true, changes = changes + 1 WHERE id = NEW.story_id;
	RETURN NULL;
END $$;
