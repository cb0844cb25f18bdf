package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/parallaxnews/parallax"
)

const feedColumns = "id, url, title, etag, last_modified, last_polled, next_poll, failures, last_error, created"

func scanFeed(row pgx.Row) (*parallax.Feed, error) {
	f := new(parallax.Feed)
	var failures int32
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.ETag, &f.LastModified,
		nullTime(&f.LastPolled), nullTime(&f.NextPoll), &failures, &f.LastError, nullTime(&f.Created))
	f.Failures = int(failures)
	return f, err
}

func checkFeedTimes(f *parallax.Feed) error {
	if err := checkTime("feed last polled time", f.LastPolled); err != nil {
		return err
	}
	return checkTime("feed next poll time", f.NextPoll)
}

// AddFeed subscribes to f.URL. A URL already subscribed returns that feed's
// ID and changes nothing; otherwise f.ID and f.Created are set.
func (db *DB) AddFeed(ctx context.Context, f *parallax.Feed) (int64, bool, error) {
	if f == nil || strings.TrimSpace(f.URL) == "" {
		return 0, false, parallax.Errorf(parallax.EINVALID, "add feed: no URL")
	}
	feedURL := strings.TrimSpace(f.URL)
	if err := checkFeedTimes(f); err != nil {
		return 0, false, err
	}
	if f.Failures < 0 {
		return 0, false, parallax.Errorf(parallax.EINVALID, "add feed: negative failure count")
	}
	now := db.now().UTC().Truncate(precision)
	var id int64
	var created bool
	err := db.write(ctx, "add feed", func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO feeds (url, title, etag, last_modified, last_polled, next_poll,
			failures, last_error, created) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (url) DO NOTHING RETURNING id`,
			feedURL, f.Title, f.ETag, f.LastModified, timeValue(f.LastPolled), timeValue(f.NextPoll),
			f.Failures, f.LastError, now).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return tx.QueryRow(ctx, "SELECT id FROM feeds WHERE url = $1", feedURL).Scan(&id)
		}
		if err != nil {
			return err
		}
		created = true
		return nil
	})
	if err != nil {
		return 0, false, err
	}
	if created {
		f.ID = id
		f.URL = feedURL
		f.Created = now
	}
	return id, created, nil
}

// Feeds lists the subscriptions in ID order.
func (db *DB) Feeds(ctx context.Context) ([]*parallax.Feed, error) {
	rows, err := db.pool.Query(ctx, "SELECT "+feedColumns+" FROM feeds ORDER BY id")
	if err != nil {
		return nil, dbError("feeds", err)
	}
	defer rows.Close()
	var out []*parallax.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, dbError("feeds", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("feeds", err)
	}
	return out, nil
}

// UpdateFeed saves the feed f.ID's polling state: title, ETag,
// Last-Modified, times, failures and last error, and its URL when f has one
// (a permanent redirect). A URL another feed has is ECONFLICT.
func (db *DB) UpdateFeed(ctx context.Context, f *parallax.Feed) error {
	if f == nil {
		return parallax.Errorf(parallax.EINVALID, "update feed: no feed")
	}
	if err := checkFeedTimes(f); err != nil {
		return err
	}
	if f.Failures < 0 {
		return parallax.Errorf(parallax.EINVALID, "update feed %d: negative failure count", f.ID)
	}
	feedURL := strings.TrimSpace(f.URL)
	return db.write(ctx, "update feed", func(tx pgx.Tx) error {
		if feedURL != "" {
			var other int64
			err := tx.QueryRow(ctx, "SELECT id FROM feeds WHERE url = $1 AND id != $2", feedURL, f.ID).Scan(&other)
			if err == nil {
				return parallax.Errorf(parallax.ECONFLICT, "feed %d cannot move to %s: feed %d has that URL", f.ID, feedURL, other)
			}
			if !errors.Is(err, pgx.ErrNoRows) {
				return err
			}
		}
		tag, err := tx.Exec(ctx, `UPDATE feeds SET url = coalesce($1, url), title = $2, etag = $3, last_modified = $4,
			last_polled = $5, next_poll = $6, failures = $7, last_error = $8 WHERE id = $9`,
			nullable(feedURL), f.Title, f.ETag, f.LastModified,
			timeValue(f.LastPolled), timeValue(f.NextPoll), f.Failures, f.LastError, f.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return parallax.Errorf(parallax.ENOTFOUND, "feed %d not found", f.ID)
		}
		return nil
	})
}

// RemoveFeed unsubscribes the feed with the given ID or URL. Its articles
// stay, no longer tied to a feed.
func (db *DB) RemoveFeed(ctx context.Context, idOrURL string) error {
	key := strings.TrimSpace(idOrURL)
	if key == "" {
		return parallax.Errorf(parallax.EINVALID, "remove feed: no ID or URL")
	}
	var q string
	var arg any = key
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		q, arg = "DELETE FROM feeds WHERE id = $1", id
	} else {
		q = "DELETE FROM feeds WHERE url = $1"
	}
	tag, err := db.pool.Exec(ctx, q, arg)
	if err != nil {
		return dbError("remove feed", err)
	}
	if tag.RowsAffected() == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "no feed %q", key)
	}
	return nil
}
