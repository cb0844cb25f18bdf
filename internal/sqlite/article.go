package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/textsearch"
)

// recordColumns are the columns scanRecord reads, in its order.
const recordColumns = `a.id, a.source, coalesce(a.url, ''), coalesce(o.name, ''), a.title, a.author,
	a.published, a.published_from, a.published_to, a.language, a.text, a.title_from, a.title_to,
	a.raw, a.raw_type, coalesce(a.hash, ''), a.analysis,
	coalesce(a.story_id, 0), coalesce(a.duplicate_of, 0), coalesce(a.feed_id, 0), coalesce(a.queue_seq, 0), a.created`

// leanColumns are recordColumns without the raw input, for records read
// to be placed (a page can be a hundred times its text).
var leanColumns = strings.Replace(recordColumns, "a.raw,", "NULL,", 1)

const recordFrom = ` FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id `

type scanner interface {
	Scan(dest ...any) error
}

func scanRecord(s scanner) (*parallax.Record, error) {
	r := new(parallax.Record)
	err := s.Scan(&r.ID, &r.Source, &r.URL, &r.Outlet, &r.Title, &r.Author,
		timeScan{&r.Published}, &r.PublishedEvidence.Start, &r.PublishedEvidence.End,
		&r.Language, &r.Text, &r.TitleSpan.Start, &r.TitleSpan.End,
		&r.Raw, &r.RawType, &r.Hash, &r.Analysis,
		&r.StoryID, &r.DuplicateOf, &r.FeedID, &r.QueueSeq, timeScan{&r.Created})
	if err != nil {
		return nil, err
	}
	r.Article.ID = fmt.Sprintf("a%d", r.ID)
	return r, nil
}

func scanRecords(rows *sql.Rows) ([]*parallax.Record, error) {
	defer rows.Close()
	var out []*parallax.Record
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// AddArticle stores r unless an article with its URL or its Hash is stored
// already, in which case it returns that article's ID and writes nothing.
func (db *DB) AddArticle(ctx context.Context, r *parallax.Record) (int64, bool, error) {
	if r == nil {
		return 0, false, parallax.Errorf(parallax.EINVALID, "add article: no article")
	}
	if err := checkTime("publication date", r.Published); err != nil {
		return 0, false, err
	}
	now := db.now().UTC()
	var id int64
	var created bool
	err := db.write(ctx, "add article", func(tx *sql.Tx) error {
		for _, k := range []struct{ col, val string }{{"url", r.URL}, {"hash", r.Hash}} {
			if k.val == "" {
				continue
			}
			err := db.wc.queryRow(ctx, tx, "SELECT id FROM articles WHERE "+k.col+" = ?", k.val).Scan(&id)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		var outlet any
		if r.Outlet != "" {
			var oid int64
			err := db.wc.queryRow(ctx, tx, "SELECT id FROM outlets WHERE name = ?", r.Outlet).Scan(&oid)
			if errors.Is(err, sql.ErrNoRows) {
				err = db.wc.queryRow(ctx, tx, "INSERT INTO outlets (name) VALUES (?) RETURNING id", r.Outlet).Scan(&oid)
			}
			if err != nil {
				return err
			}
			outlet = oid
		}
		err := db.wc.queryRow(ctx, tx, `INSERT INTO articles (url, source, outlet_id, title, author,
			published, published_from, published_to, language, text, title_from, title_to,
			raw, raw_type, hash, analysis, story_id, duplicate_of, feed_id, queue_seq, created)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			nullable(r.URL), r.Source, outlet, r.Title, r.Author,
			timeValue(r.Published), r.PublishedEvidence.Start, r.PublishedEvidence.End,
			r.Language, r.Text, r.TitleSpan.Start, r.TitleSpan.End,
			blob(r.Raw), r.RawType, nullable(r.Hash), blob(r.Analysis),
			nullable(r.StoryID), nullable(r.DuplicateOf), nullable(r.FeedID), nullable(r.QueueSeq), timeValue(now)).Scan(&id)
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
		r.ID = id
		r.Created = now
	}
	return id, created, nil
}

// Article returns the article with the given ID.
func (db *DB) Article(ctx context.Context, id int64) (*parallax.Record, error) {
	r, err := scanRecord(db.rc.queryRow(ctx, nil, "SELECT "+recordColumns+recordFrom+"WHERE a.id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "article %d not found", id)
	}
	if err != nil {
		return nil, dbError("article", err)
	}
	return r, nil
}

// ArticlesSince returns the articles published (or, undated, added) at or
// after t, oldest first, at most limit of them (0: all).
func (db *DB) ArticlesSince(ctx context.Context, t time.Time, limit int) ([]*parallax.Record, error) {
	if limit < 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "articles since: negative limit %d", limit)
	}
	if err := checkTime("since", t); err != nil {
		return nil, err
	}
	q := "SELECT " + recordColumns + recordFrom
	var args []any
	if !t.IsZero() {
		q += "WHERE coalesce(a.published, a.created) >= ? "
		args = append(args, timeValue(t))
	}
	q += "ORDER BY coalesce(a.published, a.created), a.id"
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	rows, err := db.rc.query(ctx, nil, q, args...)
	if err != nil {
		return nil, dbError("articles since", err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, dbError("articles since", err)
	}
	return recs, nil
}

// eachBatch is how many articles EachArticle reads at a time. It holds no
// read transaction while fn runs, so fn may write to the store.
const eachBatch = 128

// EachArticle calls fn for every article in ID order, stopping at fn's first
// error, which it returns as it is.
func (db *DB) EachArticle(ctx context.Context, fn func(*parallax.Record) error) error {
	var last int64
	for {
		rows, err := db.rc.query(ctx, nil, "SELECT "+recordColumns+recordFrom+"WHERE a.id > ? ORDER BY a.id LIMIT ?", last, eachBatch)
		if err != nil {
			return dbError("each article", err)
		}
		recs, err := scanRecords(rows)
		if err != nil {
			return dbError("each article", err)
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
			last = r.ID
		}
		if len(recs) < eachBatch {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// SetPlacement records an article's story and the article it copies; 0
// clears either.
func (db *DB) SetPlacement(ctx context.Context, articleID, storyID, duplicateOf int64) error {
	if duplicateOf != 0 && duplicateOf == articleID {
		return parallax.Errorf(parallax.EINVALID, "article %d cannot be a copy of itself", articleID)
	}
	return db.write(ctx, "set placement", func(tx *sql.Tx) error {
		return db.setPlacement(ctx, tx, articleID, storyID, duplicateOf)
	})
}

func (db *DB) setPlacement(ctx context.Context, tx *sql.Tx, articleID, storyID, duplicateOf int64) error {
	if err := exists(ctx, db.wc, tx, "articles", articleID, "article"); err != nil {
		return err
	}
	if storyID != 0 {
		if err := exists(ctx, db.wc, tx, "stories", storyID, "story"); err != nil {
			return err
		}
	}
	if duplicateOf != 0 {
		if err := exists(ctx, db.wc, tx, "articles", duplicateOf, "article"); err != nil {
			return err
		}
	}
	_, err := db.wc.exec(ctx, tx, "UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?",
		nullable(storyID), nullable(duplicateOf), articleID)
	return err
}

// Unplaced returns up to limit articles in no story, in the order they are
// to be placed: by queue sequence (none first), then by ID.
func (db *DB) Unplaced(ctx context.Context, limit int) ([]*parallax.Record, error) {
	if limit <= 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "unplaced: limit %d, want a positive number", limit)
	}
	rows, err := db.rc.query(ctx, nil, "SELECT "+leanColumns+recordFrom+"WHERE a.story_id IS NULL ORDER BY coalesce(a.queue_seq, 0), a.id LIMIT ?", limit)
	if err != nil {
		return nil, dbError("unplaced", err)
	}
	recs, err := scanRecords(rows)
	if err != nil {
		return nil, dbError("unplaced", err)
	}
	return recs, nil
}

// SetAnalysis replaces an article's stored analysis.
func (db *DB) SetAnalysis(ctx context.Context, articleID int64, analysis []byte) error {
	return db.write(ctx, "set analysis", func(tx *sql.Tx) error {
		res, err := db.wc.exec(ctx, tx, "UPDATE articles SET analysis = ? WHERE id = ?", blob(analysis), articleID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", articleID)
		}
		return nil
	})
}

// exists returns an ENOTFOUND error unless table has a row with the id.
func exists(ctx context.Context, c *stmtCache, tx *sql.Tx, table string, id int64, what string) error {
	var one int
	err := c.queryRow(ctx, tx, "SELECT 1 FROM "+table+" WHERE id = ?", id).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return parallax.Errorf(parallax.ENOTFOUND, "%s %d not found", what, id)
	}
	return err
}

// defaultLimit is how many stories or search hits a zero limit returns.
const defaultLimit = 50

// Search runs a full-text query over headlines and texts, best match first.
// The query is words, "quoted phrases" and word* prefixes, all required;
// everything else in it (operators, punctuation) is ignored.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]parallax.ArticleHit, error) {
	if limit < 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "search: negative limit %d", limit)
	}
	if limit == 0 {
		limit = defaultLimit
	}
	match, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	// Ranked in the index alone, then joined for the few hits kept: joining
	// every match before sorting costs three times as much. A headline
	// match weighs five times a match in the text.
	rows, err := db.rc.query(ctx, nil, `SELECT a.id, coalesce(a.story_id, 0), coalesce(o.name, ''), a.title,
			coalesce(a.url, ''), a.published, h.snippet
		FROM (SELECT rowid AS id, bm25(articles_fts, 5.0, 1.0) AS score,
				snippet(articles_fts, -1, '', '', '…', 16) AS snippet
			FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY score, rowid LIMIT ?) h
		JOIN articles a ON a.id = h.id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		ORDER BY h.score, h.id`, match, limit)
	if err != nil {
		return nil, dbError("search", err)
	}
	defer rows.Close()
	var hits []parallax.ArticleHit
	for rows.Next() {
		var h parallax.ArticleHit
		if err := rows.Scan(&h.ID, &h.StoryID, &h.Outlet, &h.Title, &h.URL, timeScan{&h.Published}, &h.Snippet); err != nil {
			return nil, dbError("search", err)
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("search", err)
	}
	return hits, nil
}

// ftsQuery turns what a user typed (see internal/textsearch) into an FTS5
// query that is always valid: each term a quoted string of its words, a
// prefix marked with *. Words are runs of letters, digits and marks, which
// is also how the index's tokenizer splits text, so no input can be read as
// FTS5 syntax.
func ftsQuery(input string) (string, error) {
	terms, err := textsearch.Parse(input)
	if err != nil {
		return "", err
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = `"` + strings.Join(t.Words, " ") + `"`
		if t.Prefix {
			out[i] += "*"
		}
	}
	return strings.Join(out, " "), nil
}
