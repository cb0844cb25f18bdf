package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/textsearch"
)

// CreateStory starts an empty story.
func (db *DB) CreateStory(ctx context.Context) (int64, error) {
	var id int64
	scan := func(row pgx.Row) error { return row.Scan(&id) }
	if _, err := db.lazy(ctx, scan, "INSERT INTO stories (created) VALUES ($1) RETURNING id", db.now().UTC()); err != nil {
		return 0, dbError("create story", err)
	}
	return id, nil
}

// StoryArticles returns a story's articles in ID order; an unknown story is
// ENOTFOUND.
func (db *DB) StoryArticles(ctx context.Context, storyID int64) ([]*parallax.Record, error) {
	var recs []*parallax.Record
	err := db.read(ctx, "story articles", func(tx pgx.Tx) error {
		if err := exists(ctx, tx, "stories", storyID, "story"); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT "+recordColumns+recordFrom+"WHERE a.story_id = $1 ORDER BY a.id", storyID)
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
	rows, err := db.pool.Query(ctx, `SELECT id FROM stories WHERE placed != articles OR recompare ORDER BY id LIMIT $1`, limit)
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
	tag, err := db.lazy(ctx, nil, `UPDATE stories SET title = $1, articles = $2, outlets = $3, conflicts = $4,
		first = $5, last = $6, updated = $7, report = $8, recompare = recompare AND changes != $10 WHERE id = $9`,
		info.Title, info.Articles, info.Outlets, info.Conflicts,
		timeValue(info.First), timeValue(info.Last), timeValue(updated), blob(report), info.ID, info.Changes)
	if err != nil {
		return dbError("save report", err)
	}
	if tag.RowsAffected() == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", info.ID)
	}
	return nil
}

const storyColumns = "s.id, s.title, s.articles, s.outlets, s.conflicts, s.first, s.last, s.updated"

func scanStory(row pgx.Row, extra ...any) (parallax.StoryInfo, error) {
	var info parallax.StoryInfo
	var articles, outlets, conflicts int32
	dest := append([]any{&info.ID, &info.Title, &articles, &outlets, &conflicts,
		nullTime(&info.First), nullTime(&info.Last), nullTime(&info.Updated)}, extra...)
	err := row.Scan(dest...)
	info.Articles, info.Outlets, info.Conflicts = int(articles), int(outlets), int(conflicts)
	return info, err
}

// Story returns a story's listing and its last report (nil before the
// first).
func (db *DB) Story(ctx context.Context, id int64) (parallax.StoryInfo, []byte, error) {
	var report []byte
	var changes int64
	info, err := scanStory(db.pool.QueryRow(ctx, "SELECT "+storyColumns+", s.report, s.changes FROM stories s WHERE s.id = $1", id), &report, &changes)
	info.Changes = changes
	if errors.Is(err, pgx.ErrNoRows) {
		return parallax.StoryInfo{}, nil, parallax.Errorf(parallax.ENOTFOUND, "story %d not found", id)
	}
	if err != nil {
		return parallax.StoryInfo{}, nil, dbError("story", err)
	}
	return info, report, nil
}

// Stories lists the stories f selects, most recently updated first (stories
// never reported last), then newest first. The filters mean what they mean
// for the SQLite library (see parallax.StoryFilter and internal/storetest).
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
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if !f.Since.IsZero() {
		where = append(where, `coalesce(s.last, (SELECT max(coalesce(a.published, a.created))
			FROM articles a WHERE a.story_id = s.id)) >= `+arg(ceil(f.Since).UTC()))
	}
	if strings.TrimSpace(f.Query) != "" {
		terms, err := textsearch.Parse(f.Query)
		if err != nil {
			return nil, err
		}
		where = append(where, `s.id IN (SELECT a.story_id FROM articles a
			WHERE a.fts @@ `+arg(tsquery(terms))+`::tsquery AND a.story_id IS NOT NULL)`)
	}
	if f.Outlet != "" {
		where = append(where, `EXISTS (SELECT 1 FROM articles a JOIN outlets o ON o.id = a.outlet_id
			WHERE a.story_id = s.id AND lower(o.name) = lower(`+arg(f.Outlet)+`))`)
	}
	q := "SELECT " + storyColumns + " FROM stories s"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY s.updated DESC NULLS LAST, s.id DESC LIMIT " + arg(limit) + " OFFSET " + arg(f.Offset)
	rows, err := db.pool.Query(ctx, q, args...)
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
