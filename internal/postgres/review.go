package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/textsearch"
)

// SetReview records a person's verdict on a story's conflict, replacing
// the one before; an empty verdict removes it.
func (db *DB) SetReview(ctx context.Context, storyID int64, r parallax.Review) error {
	r.Key = strings.TrimSpace(r.Key)
	if r.Key == "" {
		return parallax.Errorf(parallax.EINVALID, "review: no conflict key")
	}
	switch r.Verdict {
	case "", parallax.Confirmed, parallax.NotConflict:
	default:
		return parallax.Errorf(parallax.EINVALID, "review: verdict %q: want %s or %s", r.Verdict, parallax.Confirmed, parallax.NotConflict)
	}
	if err := checkTime("review time", r.At); err != nil {
		return err
	}
	at := r.At
	if at.IsZero() {
		at = db.now()
	}
	return db.write(ctx, "set review", func(tx pgx.Tx) error {
		if err := exists(ctx, tx, "stories", storyID, "story"); err != nil {
			return err
		}
		if r.Verdict == "" {
			_, err := tx.Exec(ctx, "DELETE FROM reviews WHERE story_id = $1 AND key = $2", storyID, r.Key)
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO reviews (story_id, key, verdict, note, by, at) VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (story_id, key) DO UPDATE SET verdict = excluded.verdict, note = excluded.note, by = excluded.by, at = excluded.at`,
			storyID, r.Key, r.Verdict, r.Note, r.By, at.UTC())
		return err
	})
}

// Reviews returns a story's reviews, oldest first.
func (db *DB) Reviews(ctx context.Context, storyID int64) ([]parallax.Review, error) {
	var out []parallax.Review
	err := db.read(ctx, "reviews", func(tx pgx.Tx) error {
		if err := exists(ctx, tx, "stories", storyID, "story"); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT key, verdict, note, by, at FROM reviews WHERE story_id = $1 ORDER BY at, key", storyID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r parallax.Review
			if err := rows.Scan(&r.Key, &r.Verdict, &r.Note, &r.By, &r.At); err != nil {
				return err
			}
			r.At = r.At.UTC()
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
}

// AddEvents records changes in stories, in one transaction.
func (db *DB) AddEvents(ctx context.Context, events []parallax.StoryEvent) error {
	if len(events) == 0 {
		return nil
	}
	now := db.now()
	for _, e := range events {
		if e.StoryID <= 0 || e.Kind == "" {
			return parallax.Errorf(parallax.EINVALID, "add event: no story or kind")
		}
		if err := checkTime("event time", e.At); err != nil {
			return err
		}
	}
	return db.write(ctx, "add events", func(tx pgx.Tx) error {
		for i := range events {
			e := &events[i]
			if e.At.IsZero() {
				e.At = now
			}
			err := tx.QueryRow(ctx, `INSERT INTO events (story_id, kind, subject, summary, title, at)
				VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, e.StoryID, e.Kind, e.Subject, e.Summary, e.Title, e.At.UTC()).Scan(&e.ID)
			if err != nil {
				var pe *pgconn.PgError
				if errors.As(err, &pe) && pe.Code == "23503" { // foreign_key_violation
					return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", e.StoryID)
				}
				return err
			}
		}
		return nil
	})
}

// Events lists events newest first. Query selects the events of stories
// with an article that matches it, in the syntax of Search.
func (db *DB) Events(ctx context.Context, f parallax.EventFilter) ([]parallax.StoryEvent, error) {
	if f.Limit < 0 || f.AfterID < 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "events: negative limit or ID")
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
	if f.StoryID != 0 {
		where = append(where, "e.story_id = "+arg(f.StoryID))
	}
	if f.AfterID > 0 {
		where = append(where, "e.id > "+arg(f.AfterID))
	}
	if strings.TrimSpace(f.Query) != "" {
		terms, err := textsearch.Parse(f.Query)
		if err != nil {
			return nil, err
		}
		where = append(where, `e.story_id IN (SELECT a.story_id FROM articles a
			WHERE a.fts @@ `+arg(tsquery(terms))+`::tsquery AND a.story_id IS NOT NULL)`)
	}
	q := "SELECT e.id, e.story_id, e.kind, e.subject, e.summary, e.title, e.at FROM events e"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY e.id DESC LIMIT " + arg(limit)
	rows, err := db.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, dbError("events", err)
	}
	defer rows.Close()
	var out []parallax.StoryEvent
	for rows.Next() {
		var e parallax.StoryEvent
		if err := rows.Scan(&e.ID, &e.StoryID, &e.Kind, &e.Subject, &e.Summary, &e.Title, &e.At); err != nil {
			return nil, dbError("events", err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("events", err)
	}
	return out, nil
}
