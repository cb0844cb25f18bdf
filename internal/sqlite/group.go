package sqlite

import (
	"context"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
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
		if err := db.setPlacements(ctx, tx, w.Placements); err != nil {
			return err
		}
		for _, id := range w.DeleteStories {
			if _, err := db.wc.exec(ctx, tx, "DELETE FROM stories WHERE id = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ?)", id, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// setPlacements records placements as SetPlacement does, in two statements
// for all of them: a thousand placements cost some thousand statements
// one at a time (the checks that their article, story and copy exist, and
// the update), each journalling the pages it changes on its own. An
// article placed twice (placed, then moved by a regrouping) ends in its
// last placement.
func (db *DB) setPlacements(ctx context.Context, tx *sql.Tx, ps []parallax.Placement) error {
	if len(ps) == 0 {
		return nil
	}
	last := make(map[int64]int, len(ps))
	for i, p := range ps {
		last[p.ArticleID] = i
	}
	// [[article, story, copy of], …], 0 for none; all of them checked,
	// the last of each article saved.
	all, kept := []byte{'['}, []byte{'['}
	for i, p := range ps {
		row := fmt.Appendf(nil, "[%d,%d,%d]", p.ArticleID, p.StoryID, p.DuplicateOf)
		if i > 0 {
			all = append(all, ',')
		}
		all = append(all, row...)
		if last[p.ArticleID] == i {
			if len(kept) > 1 {
				kept = append(kept, ',')
			}
			kept = append(kept, row...)
		}
	}
	all, kept = append(all, ']'), append(kept, ']')
	// The first placement naming an article or story that is not there.
	var article, story, copyOf int64
	var noArticle, noStory bool
	err := db.wc.queryRow(ctx, tx, `SELECT a, s, d, no_a, no_s FROM (
			SELECT key, value ->> 0 AS a, value ->> 1 AS s, value ->> 2 AS d,
				NOT EXISTS (SELECT 1 FROM articles WHERE id = value ->> 0) AS no_a,
				value ->> 1 != 0 AND NOT EXISTS (SELECT 1 FROM stories WHERE id = value ->> 1) AS no_s,
				value ->> 2 != 0 AND NOT EXISTS (SELECT 1 FROM articles WHERE id = value ->> 2) AS no_d
			FROM json_each(?))
		WHERE no_a OR no_s OR no_d ORDER BY key LIMIT 1`, string(all)).Scan(&article, &story, &copyOf, &noArticle, &noStory)
	switch {
	case err == nil && noArticle:
		return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", article)
	case err == nil && noStory:
		return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", story)
	case err == nil:
		return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", copyOf)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	_, err = db.wc.exec(ctx, tx, `UPDATE articles SET story_id = nullif(p.value ->> 1, 0), duplicate_of = nullif(p.value ->> 2, 0)
		FROM json_each(?) AS p WHERE articles.id = p.value ->> 0`, string(kept))
	return err
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
