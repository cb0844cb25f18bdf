package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"github.com/parallaxnews/parallax"
)

// GroupState returns the grouping index's values of kind under keys. The
// keys travel as one JSON array, so that one prepared statement serves any
// number of them.
func (db *DB) GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, dbError("read the grouping index", err)
	}
	rows, err := db.wc.query(ctx, nil, "SELECT key, value FROM group_state WHERE kind = ? AND key IN (SELECT value FROM json_each(?))", kind, string(list))
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
// transaction.
func (db *DB) SaveGroupState(ctx context.Context, w parallax.GroupWrite) error {
	for _, p := range w.Placements {
		if p.DuplicateOf != 0 && p.DuplicateOf == p.ArticleID {
			return parallax.Errorf(parallax.EINVALID, "article %d cannot be a copy of itself", p.ArticleID)
		}
	}
	return db.write(ctx, "save the grouping index", func(tx *sql.Tx) error {
		if w.Reset {
			if _, err := db.wc.exec(ctx, tx, "DELETE FROM group_state"); err != nil {
				return err
			}
		}
		// One statement for all the values: a JSON array of [kind, key,
		// hex value] rows (null: delete), parsed by SQLite, costs far less
		// than a statement per value.
		var puts, dels []byte
		for _, v := range w.Values {
			if v.Value == nil {
				dels = appendRow(dels, v.Kind, v.Key, nil)
			} else {
				puts = appendRow(puts, v.Kind, v.Key, v.Value)
			}
		}
		if dels != nil {
			if _, err := db.wc.exec(ctx, tx, `DELETE FROM group_state WHERE (kind, key) IN
				(SELECT value ->> 0, value ->> 1 FROM json_each(?))`, string(append(dels, ']'))); err != nil {
				return err
			}
		}
		if puts != nil {
			// Rows are applied in order, so the last value of a key wins.
			if _, err := db.wc.exec(ctx, tx, `INSERT INTO group_state (kind, key, value)
				SELECT value ->> 0, value ->> 1, unhex(value ->> 2) FROM json_each(?) WHERE true
				ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value`, string(append(puts, ']'))); err != nil {
				return err
			}
		}
		for _, p := range w.Placements {
			if err := db.setPlacement(ctx, tx, p.ArticleID, p.StoryID, p.DuplicateOf); err != nil {
				return err
			}
		}
		for _, id := range w.DeleteStories {
			if _, err := db.wc.exec(ctx, tx, "DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)", id, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// appendRow appends [kind, key, "hex"] to a JSON array being built.
func appendRow(b []byte, kind int, key int64, value []byte) []byte {
	if b == nil {
		b = append(b, '[')
	} else {
		b = append(b, ',')
	}
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(kind), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, key, 10)
	b = append(b, ",\""...)
	b = hex.AppendEncode(b, value)
	return append(b, "\"]"...)
}
