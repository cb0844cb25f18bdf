// Package postgres is the library's storage on a PostgreSQL server, through
// github.com/jackc/pgx/v5: what a newsroom uses when several processes or
// machines share one library (`parallax worker`). It implements the same
// parallax.Store as internal/sqlite and passes the same suite
// (internal/storetest).
//
// The schema comes from numbered SQL files embedded in the binary
// (migrations/0001_init.sql, …), each applied once in its own transaction
// under an advisory lock, so that workers starting together do not race,
// and recorded in the schema_migrations table. The tables live in the
// connection's current schema: a search_path parameter in the URL
// (postgres://host/db?search_path=news) keeps several libraries in one
// database. A schema written by a newer parallax is refused untouched.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/parallaxnews/parallax"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// IsURL reports whether s names a PostgreSQL database rather than a file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// DB is a library on a PostgreSQL server. It implements parallax.Store and
// is safe for concurrent use.
type DB struct {
	pool *pgxpool.Pool
	// locks are the placement locks held, given back by Close (the pool
	// waits for every connection it lent).
	mu    sync.Mutex
	locks map[*placementLock]bool
	// outlets caches outlet IDs by name (under mu).
	outlets map[string]int64
	name    string // the URL without its password, for messages
	now     func() time.Time
}

var _ parallax.Store = (*DB)(nil)

// Open connects to the database the URL names and brings its schema up to
// date. A server that cannot be reached, or a schema that is not a parallax
// library or is newer than this binary knows, is an error naming the URL
// (its password left out).
func Open(ctx context.Context, dsn string) (*DB, error) {
	name := Redact(dsn)
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "library %s: %s", name, redactErr(err, dsn))
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, parallax.Errorf(parallax.EINVALID, "library %s: %s", name, redactErr(err, dsn))
	}
	db := &DB{pool: pool, name: name, now: time.Now, locks: map[*placementLock]bool{}, outlets: map[string]int64{}}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, parallax.Errorf(parallax.EINVALID, "cannot reach library %s: %s", name, redactErr(err, dsn))
	}
	migs, err := migrations()
	if err != nil {
		pool.Close()
		return nil, err
	}
	if err := db.migrate(ctx, migs); err != nil {
		pool.Close()
		return nil, err
	}
	return db, nil
}

// Redact is the URL with its password replaced by xxxxx, to show.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "(unparsable PostgreSQL URL)"
	}
	return u.Redacted()
}

// redactErr is err's text without the URL's password, should the driver
// have quoted it.
func redactErr(err error, dsn string) string {
	msg := err.Error()
	if u, perr := url.Parse(dsn); perr == nil && u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "xxxxx")
		}
	}
	return msg
}

// Name is the URL the library was opened with, its password left out.
func (db *DB) Name() string { return db.name }

// Close gives back any placement lock held and closes every connection.
func (db *DB) Close() error {
	db.mu.Lock()
	for l := range db.locks {
		l.unlock()
	}
	db.mu.Unlock()
	db.pool.Close()
	return nil
}

// Pool is the connection pool, for tests and benchmarks that look behind
// the Store.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

type migration struct {
	version int
	name    string
	sql     string
}

// migrations returns the embedded migrations in order; their numbers must
// run 1, 2, 3 … without a gap.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var migs []migration
	for _, name := range names {
		base := filepath.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != len(migs)+1 {
			return nil, fmt.Errorf("postgres: migration %s: want a name like %04d_what.sql", base, len(migs)+1)
		}
		buf, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(buf)})
	}
	return migs, nil
}

// migrate applies the migrations the schema lacks, each in a transaction
// that first takes this schema's migration lock: of several processes
// opening a new library at once, one creates it and the others wait and
// find it done.
func (db *DB) migrate(ctx context.Context, migs []migration) error {
	for _, m := range migs {
		done, err := db.apply(ctx, m, len(migs))
		if err != nil {
			var perr *parallax.Error
			if errors.As(err, &perr) || ctx.Err() != nil {
				return err
			}
			return parallax.Errorf(parallax.EINTERNAL, "library %s: migration %s: %v", db.name, m.name, err)
		}
		if !done {
			continue
		}
	}
	return nil
}

// apply applies m unless the schema has it; done says whether it did.
func (db *DB) apply(ctx context.Context, m migration, known int) (done bool, err error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('parallax migrate ' || current_schema()))"); err != nil {
		return false, err
	}
	var schema *string
	if err := tx.QueryRow(ctx, "SELECT current_schema()").Scan(&schema); err != nil {
		return false, err
	}
	if schema == nil {
		return false, parallax.Errorf(parallax.EINVALID, "library %s: no schema to create the tables in (the search_path names none that exists)", db.name)
	}
	var hasMigrations, hasArticles bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL, to_regclass('articles') IS NOT NULL`).Scan(&hasMigrations, &hasArticles); err != nil {
		return false, err
	}
	v := 0
	if hasMigrations {
		if err := tx.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
			return false, err
		}
	} else if hasArticles {
		return false, parallax.Errorf(parallax.EINVALID, "schema %q of %s has an articles table but is not a parallax library", *schema, db.name)
	}
	if v > known {
		return false, parallax.Errorf(parallax.ECONFLICT, "library %s has schema version %d, this parallax knows %d: upgrade parallax", db.name, v, known)
	}
	if v >= m.version {
		return false, nil
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name    text NOT NULL,
		applied timestamptz NOT NULL
	)`); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, m.sql); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)", m.version, m.name, db.now()); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}

// Version returns the schema version.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v int
	if err := db.pool.QueryRow(ctx, "SELECT coalesce(max(version), 0) FROM schema_migrations").Scan(&v); err != nil {
		return 0, dbError("schema version", err)
	}
	return v, nil
}

// dbError turns a driver error into an error for the caller: the store's own
// *parallax.Error and context errors as they are, constraint failures as
// coded errors, the rest wrapped with what was being done.
func dbError(op string, err error) error {
	if err == nil {
		return nil
	}
	var perr *parallax.Error
	if errors.As(err, &perr) {
		return err
	}
	switch {
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return context.DeadlineExceeded
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23503": // foreign_key_violation
			return parallax.Errorf(parallax.EINVALID, "%s: refers to a story, article or feed that does not exist", op)
		case "23505": // unique_violation
			return parallax.Errorf(parallax.ECONFLICT, "%s: already stored", op)
		case "22021", "22P05": // invalid byte sequence, untranslatable character (a NUL)
			return parallax.Errorf(parallax.EINVALID, "%s: text PostgreSQL cannot store: %s", op, pgErr.Message)
		case "57014": // query_canceled
			return context.Canceled
		}
	}
	return fmt.Errorf("postgres: %s: %w", op, err)
}

// write runs fn in a transaction: committed whole when fn returns nil,
// rolled back otherwise.
func (db *DB) write(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	return dbError(op, pgx.BeginFunc(ctx, db.pool, fn))
}

// read runs fn in a read-only repeatable-read transaction: one snapshot.
func (db *DB) read(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	return dbError(op, pgx.BeginTxFunc(ctx, db.pool, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn))
}

// lazy runs one statement in a transaction that does not wait for its
// commit to reach the disk, in one round trip: for what the library can
// compute again — placements, stories, comparisons — never for articles,
// which must be safe on disk before their job is acknowledged. A crash of
// the server loses at most the last fraction of a second of them, and the
// next placer places or compares again what is missing.
func (db *DB) lazy(ctx context.Context, scan func(pgx.Row) error, sql string, args ...any) (pgconn.CommandTag, error) {
	b := &pgx.Batch{}
	b.Queue("BEGIN")
	b.Queue("SET LOCAL synchronous_commit TO OFF")
	b.Queue(sql, args...)
	b.Queue("COMMIT")
	br := db.pool.SendBatch(ctx, b)
	defer br.Close()
	var tag pgconn.CommandTag
	for i := 0; i < 4; i++ {
		var err error
		if i == 2 && scan != nil {
			err = scan(br.QueryRow())
		} else {
			var t pgconn.CommandTag
			t, err = br.Exec()
			if i == 2 {
				tag = t
			}
		}
		if err != nil {
			return tag, err
		}
	}
	return tag, nil
}

// PostgreSQL keeps microseconds.
const precision = time.Microsecond

// timeValue is t as stored: NULL for the zero time.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// ceil is t rounded up to the microsecond, for "at or after t" where the
// driver would round t down.
func ceil(t time.Time) time.Time {
	if u := t.Truncate(precision); u.Before(t) {
		return u.Add(precision)
	}
	return t
}

// checkTime refuses a time outside the years both backends hold.
func checkTime(what string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return parallax.Errorf(parallax.EINVALID, "%s %s is out of range", what, t)
	}
	return nil
}

func nullTime(p *time.Time) *nullableTime { return &nullableTime{p} }

// nullableTime scans a timestamptz that may be NULL into a time.Time.
type nullableTime struct{ t *time.Time }

func (n *nullableTime) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*n.t = time.Time{}
	case time.Time:
		*n.t = v.UTC()
	default:
		return fmt.Errorf("stored time is a %T", src)
	}
	return nil
}

// nullable is v as stored: NULL for the zero value.
func nullable[T comparable](v T) any {
	var zero T
	if v == zero {
		return nil
	}
	return v
}

func blob(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}
