-- 0003: an article's place in the work queue of distributed ingest (its
-- job's stream sequence), the order articles are placed in; NULL when it
-- did not come through the queue.

ALTER TABLE articles ADD COLUMN queue_seq INTEGER;

-- Unplaced: articles in no story, in the order they are to be placed.
CREATE INDEX articles_unplaced ON articles (coalesce(queue_seq, 0), id) WHERE story_id IS NULL;
