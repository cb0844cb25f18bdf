package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

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
	rows, err := db.rc.query(ctx, nil, "SELECT key, value FROM group_state WHERE kind = ? AND key IN (SELECT value FROM json_each(?))", kind, string(list))
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

// SaveGroupState saves values of the grouping index and a placement in one
// transaction.
func (db *DB) SaveGroupState(ctx context.Context, w parallax.GroupWrite) error {
	if p := w.Placement; p != nil && p.DuplicateOf != 0 && p.DuplicateOf == p.ArticleID {
		return parallax.Errorf(parallax.EINVALID, "article %d cannot be a copy of itself", p.ArticleID)
	}
	return db.write(ctx, "save the grouping index", func(tx *sql.Tx) error {
		if w.Reset {
			if _, err := db.wc.exec(ctx, tx, "DELETE FROM group_state"); err != nil {
				return err
			}
		}
		for _, v := range w.Values {
			var err error
			if v.Value == nil {
				_, err = db.wc.exec(ctx, tx, "DELETE FROM group_state WHERE kind = ? AND key = ?", v.Kind, v.Key)
			} else {
				_, err = db.wc.exec(ctx, tx, "INSERT INTO group_state (kind, key, value) VALUES (?, ?, ?) ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value",
					v.Kind, v.Key, v.Value)
			}
			if err != nil {
				return err
			}
		}
		if p := w.Placement; p != nil {
			return db.setPlacement(ctx, tx, p.ArticleID, p.StoryID, p.DuplicateOf)
		}
		return nil
	})
}
