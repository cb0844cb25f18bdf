-- 0006: a story is also out of date when its articles changed without its
-- count changing (a regrouping moved one in and one out) or when an
-- article's analysis changed (reanalyze): the recompare flag, set by the
-- triggers that see those changes and cleared by SaveReport. A story
-- starts flagged, so that one left empty by a placer killed before it
-- saved the story's first placement is found (and deleted) by the next.

ALTER TABLE stories ADD COLUMN recompare boolean NOT NULL DEFAULT false;
ALTER TABLE stories ALTER COLUMN recompare SET DEFAULT true;

CREATE OR REPLACE FUNCTION articles_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed - 1, recompare = true WHERE id = OLD.story_id;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.story_id IS NOT NULL THEN
		UPDATE stories SET placed = placed + 1, recompare = true WHERE id = NEW.story_id;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION articles_reanalysed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE stories SET recompare = true WHERE id = NEW.story_id AND NOT recompare;
	RETURN NULL;
END $$;

CREATE TRIGGER articles_reanalysed AFTER UPDATE OF analysis ON articles
	FOR EACH ROW WHEN (NEW.story_id IS NOT NULL AND OLD.analysis IS DISTINCT FROM NEW.analysis)
	EXECUTE FUNCTION articles_reanalysed();

DROP INDEX stories_stale;
CREATE INDEX stories_stale ON stories (id) WHERE placed != articles OR recompare;
