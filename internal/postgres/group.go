package postgres

import (
	"context"
	"errors"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallaxnews/parallax"
)

// GroupState returns the grouping index's values of kind under keys.
func (db *DB) GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, "SELECT key, value FROM group_state WHERE kind = $1 AND key = ANY($2)", kind, keys)
	if err != nil {
		return nil, dbError("read the grouping index", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, dbError("read the grouping index", err)
		}
		out[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("read the grouping index", err)
	}
	return out, nil
}

// SaveGroupState saves values of the grouping index and placements in one
// transaction, which, like a placement, need not wait for the disk: the
// index and the placements it saves are lost together or not at all.
func (db *DB) SaveGroupState(ctx context.Context, w parallax.GroupWrite) error {
	for _, p := range w.Placements {
		if p.DuplicateOf != 0 && p.DuplicateOf == p.ArticleID {
			return parallax.Errorf(parallax.EINVALID, "article %d cannot be a copy of itself", p.ArticleID)
		}
	}
	// The last value of a key wins; one statement may not touch a row twice.
	last := make(map[[2]int64]int, len(w.Values))
	for i, v := range w.Values {
		last[[2]int64{int64(v.Kind), v.Key}] = i
	}
	var kinds []int16
	var keys, delKinds, delKeys []int64
	var values [][]byte
	for i, v := range w.Values {
		if last[[2]int64{int64(v.Kind), v.Key}] != i {
			continue
		}
		if v.Value == nil {
			delKinds, delKeys = append(delKinds, int64(v.Kind)), append(delKeys, v.Key)
			continue
		}
		kinds, keys, values = append(kinds, int16(v.Kind)), append(keys, v.Key), append(values, v.Value)
	}
	err := db.write(ctx, "save the grouping index", func(tx pgx.Tx) error {
		b := &pgx.Batch{}
		b.Queue("SET LOCAL synchronous_commit TO OFF")
		if w.Reset {
			b.Queue("DELETE FROM group_state")
		}
		if len(delKeys) > 0 {
			b.Queue("DELETE FROM group_state g USING unnest($1::bigint[], $2::bigint[]) AS d(kind, key) WHERE g.kind = d.kind AND g.key = d.key", delKinds, delKeys)
		}
		if len(keys) > 0 {
			b.Queue(`INSERT INTO group_state (kind, key, value) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])
				ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value`, kinds, keys, values)
		}
		first := b.Len() // the placements' statements come last
		for _, p := range w.Placements {
			b.Queue("UPDATE articles SET story_id = $1, duplicate_of = $2 WHERE id = $3",
				nullable(p.StoryID), nullable(p.DuplicateOf), p.ArticleID)
		}
		last := b.Len() // the stories' deletions come after the placements
		for _, id := range w.DeleteStories {
			b.Queue("DELETE FROM stories s WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = $1)", id)
		}
		br := tx.SendBatch(ctx, b)
		defer br.Close()
		for i := range b.Len() {
			tag, err := br.Exec()
			var pgErr *pgconn.PgError
			if i < first || i >= last {
				if err != nil {
					return err
				}
				continue
			}
			p := w.Placements[i-first]
			switch {
			case errors.As(err, &pgErr) && pgErr.Code == "23503":
				if strings.Contains(pgErr.ConstraintName, "story") {
					return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", p.StoryID)
				}
				return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", p.DuplicateOf)
			case err != nil:
				return err
			case tag.RowsAffected() == 0:
				return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", p.ArticleID)
			}
		}
		return br.Close()
	})
	return err
}
