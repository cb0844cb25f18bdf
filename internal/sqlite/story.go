package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/parallaxnews/parallax"
)

// CreateStory starts an empty story.
func (db *DB) CreateStory(ctx context.Context) (int64, error) {
	var id int64
	err := db.write(ctx, "create story", func(tx *sql.Tx) error {
		return db.wc.queryRow(ctx, tx, "INSERT INTO stories (created) VALUES (?) RETURNING id", timeValue(db.now())).Scan(&id)
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}

// StoryArticles returns a story's articles in ID order; an unknown story is
// ENOTFOUND.
func (db *DB) StoryArticles(ctx context.Context, storyID int64) ([]*parallax.Record, error) {
	var recs []*parallax.Record
	err := db.read(ctx, "story articles", func(tx *sql.Tx) error {
		if err := exists(ctx, db.rc, tx, "stories", storyID, "story"); err != nil {
			return err
		}
		rows, err := db.rc.query(ctx, tx, "SELECT "+recordColumns+recordFrom+"WHERE a.story_id = ? ORDER BY a.id", storyID)
		if err != nil {
			return err
		}
		recs, err = scanRecords(rows)
		return err
	})
	return recs, err
}

// StaleStories returns up to limit stories whose listing does not count
// the articles they hold or whose articles changed since their last
// report (the recompare flag), in ID order.
func (db *DB) StaleStories(ctx context.Context, limit int) ([]int64, error) {
	if limit <= 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "stale stories: limit %d, want a positive number", limit)
	}
	rows, err := db.rc.query(ctx, nil, `SELECT story_id FROM story_counts WHERE placed != articles OR recompare ORDER BY story_id LIMIT ?`, limit)
	if err != nil {
		return nil, dbError("stale stories", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, dbError("stale stories", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("stale stories", err)
	}
	return ids, nil
}

// SaveReport stores a story's listing and its report. An Updated left zero
// is now.
func (db *DB) SaveReport(ctx context.Context, info parallax.StoryInfo, report []byte) error {
	if err := checkTime("story first date", info.First); err != nil {
		return err
	}
	if err := checkTime("story last date", info.Last); err != nil {
		return err
	}
	if err := checkTime("story update time", info.Updated); err != nil {
		return err
	}
	if info.Articles < 0 || info.Outlets < 0 || info.Conflicts < 0 {
		return parallax.Errorf(parallax.EINVALID, "story %d: negative count", info.ID)
	}
	updated := info.Updated
	if updated.IsZero() {
		updated = db.now()
	}
	return db.write(ctx, "save report", func(tx *sql.Tx) error {
		res, err := db.wc.exec(ctx, tx, `UPDATE stories SET title = ?, articles = ?, outlets = ?, conflicts = ?,
			first = ?, last = ?, updated = ?, report = ? WHERE id = ?`,
			info.Title, info.Articles, info.Outlets, info.Conflicts,
			timeValue(info.First), timeValue(info.Last), timeValue(updated), blob(report), info.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", info.ID)
		}
		// Not when the story changed after the comparison read it.
		_, err = db.wc.exec(ctx, tx, "UPDATE story_counts SET recompare = 0 WHERE story_id = ? AND recompare AND changes = ?", info.ID, info.Changes)
		return err
	})
}

const storyColumns = "s.id, s.title, s.articles, s.outlets, s.conflicts, s.first, s.last, s.updated"

func scanStory(s scanner, extra ...any) (parallax.StoryInfo, error) {
	var info parallax.StoryInfo
	dest := append([]any{&info.ID, &info.Title, &info.Articles, &info.Outlets, &info.Conflicts,
		timeScan{&info.First}, timeScan{&info.Last}, timeScan{&info.Updated}}, extra...)
	return info, s.Scan(dest...)
}

// Story returns a story's listing, with its change counter, and its last
// report (nil before the first).
func (db *DB) Story(ctx context.Context, id int64) (parallax.StoryInfo, []byte, error) {
	var report []byte
	var changes int64
	info, err := scanStory(db.rc.queryRow(ctx, nil, "SELECT "+storyColumns+", s.report, coalesce(c.changes, 0) FROM stories s LEFT JOIN story_counts c ON c.story_id = s.id WHERE s.id = ?", id), &report, &changes)
	info.Changes = changes
	if errors.Is(err, sql.ErrNoRows) {
		return parallax.StoryInfo{}, nil, parallax.Errorf(parallax.ENOTFOUND, "story %d not found", id)
	}
	if err != nil {
		return parallax.StoryInfo{}, nil, dbError("story", err)
	}
	return info, report, nil
}

// Stories lists the stories f selects, most recently updated first (stories
// never reported last), then newest first.
//
// Since selects stories whose Last date is at or after it; for a story not
// yet reported, the latest date of its articles (published, or else added).
// Query selects stories with an article that matches it, in the syntax of
// Search. Outlet selects stories with an article from that outlet, its name
// compared without regard to case.
func (db *DB) Stories(ctx context.Context, f parallax.StoryFilter) ([]parallax.StoryInfo, error) {
	if f.Limit < 0 || f.Offset < 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "stories: negative limit or offset")
	}
	if err := checkTime("since", f.Since); err != nil {
		return nil, err
	}
	limit := f.Limit
	if limit == 0 {
		limit = defaultLimit
	}
	var where []string
	var args []any
	if !f.Since.IsZero() {
		where = append(where, `coalesce(s.last, (SELECT max(coalesce(a.published, a.created))
			FROM articles a WHERE a.story_id = s.id)) >= ?`)
		args = append(args, timeValue(f.Since))
	}
	if strings.TrimSpace(f.Query) != "" {
		match, err := ftsQuery(f.Query)
		if err != nil {
			return nil, err
		}
		where = append(where, `s.id IN (SELECT a.story_id FROM articles_fts
			JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? AND a.story_id IS NOT NULL)`)
		args = append(args, match)
	}
	if f.Outlet != "" {
		where = append(where, `EXISTS (SELECT 1 FROM articles a JOIN outlets o ON o.id = a.outlet_id
			WHERE a.story_id = s.id AND o.name = ? COLLATE NOCASE)`)
		args = append(args, f.Outlet)
	}
	q := "SELECT " + storyColumns + " FROM stories s"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY s.updated DESC, s.id DESC LIMIT ? OFFSET ?"
	args = append(args, limit, f.Offset)
	rows, err := db.rc.query(ctx, nil, q, args...)
	if err != nil {
		return nil, dbError("stories", err)
	}
	defer rows.Close()
	var out []parallax.StoryInfo
	for rows.Next() {
		info, err := scanStory(rows)
		if err != nil {
			return nil, dbError("stories", err)
		}
		out = append(out, info)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("stories", err)
	}
	return out, nil
}
