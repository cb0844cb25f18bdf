-- 0003: an article's place in the work queue of distributed ingest (its
-- job's stream sequence), the order articles are placed in; NULL when it
-- did not come through the queue.

ALTER TABLE articles ADD COLUMN queue_seq bigint;

-- Articles stored but not placed yet, in the order they are to be placed.
DROP INDEX articles_unplaced;
CREATE INDEX articles_unplaced ON articles ((coalesce(queue_seq, 0)), id) WHERE story_id IS NULL;
