package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

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
var leanColumns = strings.Replace(recordColumns, "a.raw,", "NULL::bytea,", 1)

const recordFrom = ` FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id `

func scanRecord(row pgx.Row) (*parallax.Record, error) {
	r := new(parallax.Record)
	var from, to, tfrom, tto int32
	err := row.Scan(&r.ID, &r.Source, &r.URL, &r.Outlet, &r.Title, &r.Author,
		nullTime(&r.Published), &from, &to, &r.Language, &r.Text, &tfrom, &tto,
		&r.Raw, &r.RawType, &r.Hash, &r.Analysis,
		&r.StoryID, &r.DuplicateOf, &r.FeedID, &r.QueueSeq, nullTime(&r.Created))
	if err != nil {
		return nil, err
	}
	r.PublishedEvidence = parallax.Span{Start: int(from), End: int(to)}
	r.TitleSpan = parallax.Span{Start: int(tfrom), End: int(tto)}
	r.Article.ID = "a" + itoa(r.ID)
	return r, nil
}

func scanRecords(rows pgx.Rows) ([]*parallax.Record, error) {
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

// maxIndexed bounds the folded text of one article that goes into the
// full-text index: PostgreSQL refuses a tsvector over 1 MB, and numbers word
// positions only up to 16,383 anyway. It is far beyond any article's length.
const maxIndexed = 256 << 10

// checkText refuses what a PostgreSQL text column cannot hold.
func checkText(r *parallax.Record) error {
	for _, f := range []struct{ name, v string }{{"text", r.Text}, {"title", r.Title}, {"source", r.Source},
		{"URL", r.URL}, {"outlet", r.Outlet}, {"author", r.Author}, {"language", r.Language}} {
		if !utf8.ValidString(f.v) || strings.IndexByte(f.v, 0) >= 0 {
			return parallax.Errorf(parallax.EINVALID, "add article %s: its %s has a NUL byte or invalid UTF-8", r.Source, f.name)
		}
	}
	return nil
}

// AddArticle stores r unless an article with its URL or its Hash is stored
// already, in which case it returns that article's ID and writes nothing.
// Two processes adding the same article at once get the same ID, one of
// them created = true.
func (db *DB) AddArticle(ctx context.Context, r *parallax.Record) (int64, bool, error) {
	if r == nil {
		return 0, false, parallax.Errorf(parallax.EINVALID, "add article: no article")
	}
	if err := checkTime("publication date", r.Published); err != nil {
		return 0, false, err
	}
	if err := checkText(r); err != nil {
		return 0, false, err
	}
	now := db.now().UTC().Truncate(precision)
	title, text := textsearch.Folded(r.Title, maxIndexed), textsearch.Folded(r.Text, maxIndexed)
	insert := func(q querier, outlet any) (int64, bool, error) {
		// One statement: nothing is inserted (nor indexed) when the URL or
		// the hash is stored already; ON CONFLICT covers an insert of the
		// same article by another process at the same moment, which it
		// waits for. Either way the article is then looked up.
		var id int64
		err := q.QueryRow(ctx, `INSERT INTO articles (url, source, outlet_id, title, author,
			published, published_from, published_to, language, text, title_from, title_to,
			raw, raw_type, hash, analysis, story_id, duplicate_of, feed_id, queue_seq, created, fts)
			SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
				setweight(to_tsvector('simple', $22), 'A') || setweight(to_tsvector('simple', $23), 'B')
			WHERE NOT EXISTS (SELECT 1 FROM articles WHERE url = $1)
				AND NOT EXISTS (SELECT 1 FROM articles WHERE hash = $15)
			ON CONFLICT DO NOTHING RETURNING id`,
			nullable(r.URL), r.Source, outlet, r.Title, r.Author,
			timeValue(r.Published), r.PublishedEvidence.Start, r.PublishedEvidence.End,
			r.Language, r.Text, r.TitleSpan.Start, r.TitleSpan.End,
			blob(r.Raw), r.RawType, nullable(r.Hash), blob(r.Analysis),
			nullable(r.StoryID), nullable(r.DuplicateOf), nullable(r.FeedID), nullable(r.QueueSeq), now, title, text).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			found, err := existing(ctx, q, r)
			if err == nil && found == 0 {
				err = parallax.Errorf(parallax.ECONFLICT, "add article %s: a conflicting article vanished: try again", r.Source)
			}
			return found, false, err
		}
		return id, err == nil, err
	}
	var id int64
	var created bool
	var err error
	if oid, ok := db.outlet(r.Outlet); ok {
		// The common case, one round trip.
		id, created, err = insert(db.pool, oid)
		err = dbError("add article", err)
	} else {
		var newOutlet int64
		err = db.write(ctx, "add article", func(tx pgx.Tx) error {
			var outlet any
			if r.Outlet != "" {
				var oid int64
				err := tx.QueryRow(ctx, "SELECT id FROM outlets WHERE name = $1", r.Outlet).Scan(&oid)
				if errors.Is(err, pgx.ErrNoRows) {
					err = tx.QueryRow(ctx, "INSERT INTO outlets (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id", r.Outlet).Scan(&oid)
					if errors.Is(err, pgx.ErrNoRows) {
						// Another process added it since: a new statement sees it.
						err = tx.QueryRow(ctx, "SELECT id FROM outlets WHERE name = $1", r.Outlet).Scan(&oid)
					}
				}
				if err != nil {
					return err
				}
				outlet, newOutlet = oid, oid
			}
			var err error
			id, created, err = insert(tx, outlet)
			return err
		})
		if err == nil && newOutlet != 0 {
			db.keepOutlet(r.Outlet, newOutlet) // committed: the ID is good
		}
	}
	if err != nil {
		return 0, false, err
	}
	if created {
		r.ID = id
		r.Created = now
	}
	return id, created, nil
}

// querier is a pool or a transaction.
type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// outlet is the ID of the outlet named name, when known; outlets are never
// deleted, so a known ID stays good. No outlet is (nil, true).
func (db *DB) outlet(name string) (any, bool) {
	if name == "" {
		return nil, true
	}
	db.mu.Lock()
	defer db.mu.Unlock()
	id, ok := db.outlets[name]
	return id, ok
}

func (db *DB) keepOutlet(name string, id int64) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if len(db.outlets) < 100000 {
		db.outlets[name] = id
	}
}

// existing is the ID of the article stored with r's URL, else with its
// hash, or 0.
func existing(ctx context.Context, tx querier, r *parallax.Record) (int64, error) {
	for _, k := range []struct{ col, val string }{{"url", r.URL}, {"hash", r.Hash}} {
		if k.val == "" {
			continue
		}
		var id int64
		err := tx.QueryRow(ctx, "SELECT id FROM articles WHERE "+k.col+" = $1", k.val).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			return 0, err
		}
	}
	return 0, nil
}

// Article returns the article with the given ID.
func (db *DB) Article(ctx context.Context, id int64) (*parallax.Record, error) {
	r, err := scanRecord(db.pool.QueryRow(ctx, "SELECT "+recordColumns+recordFrom+"WHERE a.id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
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
		args = append(args, ceil(t).UTC())
		q += "WHERE coalesce(a.published, a.created) >= $1 "
	}
	q += "ORDER BY coalesce(a.published, a.created), a.id"
	if limit > 0 {
		args = append(args, limit)
		q += " LIMIT $" + itoa(int64(len(args)))
	}
	rows, err := db.pool.Query(ctx, q, args...)
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
// transaction while fn runs, so fn may write to the store.
const eachBatch = 128

// EachArticle calls fn for every article in ID order, stopping at fn's first
// error, which it returns as it is.
func (db *DB) EachArticle(ctx context.Context, fn func(*parallax.Record) error) error {
	var last int64
	for {
		rows, err := db.pool.Query(ctx, "SELECT "+recordColumns+recordFrom+"WHERE a.id > $1 ORDER BY a.id LIMIT $2", last, eachBatch)
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
	// One statement: the foreign keys check the story and the original.
	tag, err := db.lazy(ctx, nil, "UPDATE articles SET story_id = $1, duplicate_of = $2 WHERE id = $3",
		nullable(storyID), nullable(duplicateOf), articleID)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23503" {
		if strings.Contains(pgErr.ConstraintName, "story") {
			return parallax.Errorf(parallax.ENOTFOUND, "story %d not found", storyID)
		}
		return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", duplicateOf)
	}
	if err != nil {
		return dbError("set placement", err)
	}
	if tag.RowsAffected() == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", articleID)
	}
	return nil
}

// Unplaced returns up to limit articles in no story, in the order they are
// to be placed: by queue sequence (none first), then by ID.
func (db *DB) Unplaced(ctx context.Context, limit int) ([]*parallax.Record, error) {
	if limit <= 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "unplaced: limit %d, want a positive number", limit)
	}
	rows, err := db.pool.Query(ctx, "SELECT "+leanColumns+recordFrom+"WHERE a.story_id IS NULL ORDER BY coalesce(a.queue_seq, 0), a.id LIMIT $1", limit)
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
	tag, err := db.pool.Exec(ctx, "UPDATE articles SET analysis = $1 WHERE id = $2", blob(analysis), articleID)
	if err != nil {
		return dbError("set analysis", err)
	}
	if tag.RowsAffected() == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", articleID)
	}
	return nil
}

// exists returns an ENOTFOUND error unless table has a row with the id.
func exists(ctx context.Context, tx pgx.Tx, table string, id int64, what string) error {
	var one int
	err := tx.QueryRow(ctx, "SELECT 1 FROM "+table+" WHERE id = $1", id).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return parallax.Errorf(parallax.ENOTFOUND, "%s %d not found", what, id)
	}
	return err
}

// defaultLimit is how many stories or search hits a zero limit returns.
const defaultLimit = 50

// snippetWords is how many words a search hit's snippet holds.
const snippetWords = 16

// Search runs a full-text query over headlines and texts, best match first.
// The query is words, "quoted phrases" and word* prefixes, all required
// (internal/textsearch); a headline match weighs five times a match in the
// text.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]parallax.ArticleHit, error) {
	if limit < 0 {
		return nil, parallax.Errorf(parallax.EINVALID, "search: negative limit %d", limit)
	}
	if limit == 0 {
		limit = defaultLimit
	}
	terms, err := textsearch.Parse(query)
	if err != nil {
		return nil, err
	}
	// Ranked in the index alone, then joined for the few hits kept.
	rows, err := db.pool.Query(ctx, `SELECT a.id, coalesce(a.story_id, 0), coalesce(o.name, ''), a.title,
			coalesce(a.url, ''), a.published, a.text
		FROM (SELECT id, ts_rank('{0.1, 0.1, 0.2, 1.0}', fts, $1::tsquery, 1) AS score
			FROM articles WHERE fts @@ $1::tsquery
			ORDER BY score DESC, id LIMIT $2) h
		JOIN articles a ON a.id = h.id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		ORDER BY h.score DESC, h.id`, tsquery(terms), limit)
	if err != nil {
		return nil, dbError("search", err)
	}
	defer rows.Close()
	var hits []parallax.ArticleHit
	for rows.Next() {
		var h parallax.ArticleHit
		var text string
		if err := rows.Scan(&h.ID, &h.StoryID, &h.Outlet, &h.Title, &h.URL, nullTime(&h.Published), &text); err != nil {
			return nil, dbError("search", err)
		}
		h.Snippet = textsearch.Snippet(text, terms, snippetWords)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, dbError("search", err)
	}
	return hits, nil
}

// tsquery writes terms as a tsquery of folded words: a phrase's words
// follow each other (<->), a prefix ends in :*, every term is required (&).
// Words are letters, digits and marks only, so quoting them is enough.
func tsquery(terms []textsearch.Term) string {
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('(')
		for j, w := range t.Words {
			if j > 0 {
				b.WriteString(" <-> ")
			}
			b.WriteByte('\'')
			b.WriteString(textsearch.Fold(w))
			b.WriteByte('\'')
			if t.Prefix && j == len(t.Words)-1 {
				b.WriteString(":*")
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
