// Package sqlite is the library's storage in one SQLite file, through the
// pure-Go driver modernc.org/sqlite.
//
// The file is in WAL mode: one connection writes (transactions begin
// IMMEDIATE, so a write never fails half-way on a lock), a small pool reads
// alongside it. The schema comes from numbered SQL files embedded in the
// binary (migrations/0001_init.sql, …), each applied once in its own
// transaction and recorded in PRAGMA user_version and the schema_migrations
// table. A file written by a newer parallax is refused untouched.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parallaxnews/parallax"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// busyTimeout is how long a statement waits for another process's lock
// (SQLite's wait does not end with the context). A variable for the tests.
var busyTimeout = 5 * time.Second

// DB is a library kept in one SQLite file. It implements parallax.Store and
// is safe for concurrent use.
type DB struct {
	path string
	w    *sql.DB // the one writing connection
	r    *sql.DB // readers; the same pool as w for an in-memory database
	wc   *stmtCache
	rc   *stmtCache
	now  func() time.Time
	lock fileLock // the placement lock (lock.go)
}

var _ parallax.Store = (*DB)(nil)

// Open opens the library at path, creating the file and its parent
// directories when missing and bringing its schema up to date. The path
// ":memory:" opens a private in-memory library on a single connection.
//
// A file that is not an SQLite database, or is an SQLite database that is not
// a parallax library, or whose schema is newer than this binary knows, is an
// error naming the path; the file is left as it was.
func Open(path string) (*DB, error) {
	migs, err := migrations()
	if err != nil {
		return nil, err
	}
	return open(path, migs)
}

// open opens the library at path with the given migrations.
func open(path string, migs []migration) (*DB, error) {
	if path == "" {
		return nil, parallax.Errorf(parallax.EINVALID, "no library path given")
	}
	memory := path == ":memory:"
	name := ":memory:"
	if !memory {
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			return nil, parallax.Errorf(parallax.EINVALID, "library %q is a directory, not a database file", path)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, parallax.Errorf(parallax.EINVALID, "library %q: %v", path, err)
		}
		abs, err := filepath.Abs(path)
		if err != nil {
			return nil, parallax.Errorf(parallax.EINVALID, "library %q: %v", path, err)
		}
		// A file: URI, so that no character of the path is read as a
		// parameter: file:///home/x/parallax.db, file:///C:/x/parallax.db.
		p := filepath.ToSlash(abs)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p
		}
		name = (&url.URL{Scheme: "file", Path: p}).String()
	}
	params := url.Values{}
	params.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	params.Add("_pragma", "foreign_keys(1)")
	params.Add("_pragma", "synchronous(NORMAL)")

	wparams := cloneValues(params)
	wparams.Set("_txlock", "immediate")
	wparams.Add("_pragma", "cache_size(-65536)")
	// The writer maps the file, as much of it as SQLite maps at most (its
	// compile-time limit, 2 GB): the grouping index's reads, and a save's
	// reads of the pages it rewrites, are memory reads, not a system call
	// each. A library of 100,000 articles is some 1.7 GB; with 1 GB mapped,
	// the pages past it (the newest) were read a call at a time.
	wparams.Add("_pragma", "mmap_size(2147418112)")
	w, err := sql.Open("sqlite", name+"?"+wparams.Encode())
	if err != nil {
		return nil, openError(path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)

	db := &DB{path: path, w: w, r: w, now: time.Now}
	ctx := context.Background()
	if err := db.migrate(ctx, migs, !memory); err != nil {
		w.Close()
		return nil, err
	}
	if !memory {
		rparams := cloneValues(params)
		rparams.Add("_pragma", "query_only(1)")
		r, err := sql.Open("sqlite", name+"?"+rparams.Encode())
		if err != nil {
			w.Close()
			return nil, openError(path, err)
		}
		n := max(2, min(runtime.GOMAXPROCS(0), 8))
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		if err := r.PingContext(ctx); err != nil {
			r.Close()
			w.Close()
			return nil, openError(path, err)
		}
		db.r = r
	}
	db.wc = newStmtCache(db.w)
	db.rc = db.wc
	if db.r != db.w {
		db.rc = newStmtCache(db.r)
	}
	return db, nil
}

func cloneValues(v url.Values) url.Values {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	return c
}

// Path is the path the library was opened with.
func (db *DB) Path() string { return db.path }

// Close closes the library. In WAL mode the last connection to close folds
// the write-ahead log back into the database file.
func (db *DB) Close() error {
	db.wc.close()
	db.rc.close()
	var err error
	if db.r != db.w {
		err = db.r.Close()
	}
	if werr := db.w.Close(); werr != nil && err == nil {
		err = werr
	}
	return err
}

// Version returns the schema version of the open file.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v int
	if err := db.r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, dbError("schema version", err)
	}
	return v, nil
}

// Check runs SQLite's integrity check, the foreign key check and the
// full-text index's own check, and returns an error that lists what is wrong,
// or nil when the file is sound.
func (db *DB) Check(ctx context.Context) error {
	var problems []string
	rows, err := db.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return db.checkError(err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return db.checkError(err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Close(); err != nil {
		return db.checkError(err)
	}
	if err := rows.Err(); err != nil {
		return db.checkError(err)
	}

	rows, err = db.r.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return db.checkError(err)
	}
	for rows.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var fk int
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			rows.Close()
			return db.checkError(err)
		}
		problems = append(problems, fmt.Sprintf("%s row %d refers to a missing %s row", table, rowid.Int64, parent))
	}
	if err := rows.Close(); err != nil {
		return db.checkError(err)
	}
	if err := rows.Err(); err != nil {
		return db.checkError(err)
	}

	// With rank 1 the check also compares the index with the articles table.
	if _, err := db.w.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		problems = append(problems, "full-text index: "+err.Error())
	}
	if len(problems) > 0 {
		if len(problems) > 20 {
			problems = append(problems[:20], fmt.Sprintf("and %d more", len(problems)-20))
		}
		return parallax.Errorf(parallax.EINTERNAL, "library %q is damaged: %s", db.path, strings.Join(problems, "; "))
	}
	return nil
}

func (db *DB) checkError(err error) error {
	if ctx := contextError(err); ctx != nil {
		return ctx
	}
	return parallax.Errorf(parallax.EINTERNAL, "library %q cannot be checked: %v", db.path, err)
}

// migration is one numbered schema change.
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
	for _, name := range names { // fs.Glob sorts
		base := filepath.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v != len(migs)+1 {
			return nil, fmt.Errorf("sqlite: migration %s: want a name like %04d_what.sql", base, len(migs)+1)
		}
		buf, err := fs.ReadFile(migrationFS, name)
		if err != nil {
			return nil, err
		}
		migs = append(migs, migration{version: v, name: strings.TrimSuffix(base, ".sql"), sql: string(buf)})
	}
	return migs, nil
}

// migrate refuses a file it cannot own, then turns WAL on and applies the
// migrations the file lacks, each in its own transaction.
func (db *DB) migrate(ctx context.Context, migs []migration, wal bool) error {
	known := len(migs)
	v, err := db.schemaVersion(ctx, db.w)
	if err != nil {
		return openError(db.path, err)
	}
	if v > known {
		return parallax.Errorf(parallax.ECONFLICT, "database %q has schema version %d, this parallax knows %d: upgrade parallax", db.path, v, known)
	}
	if v == 0 {
		// A new file is empty; an SQLite file with tables of its own and no
		// schema version is somebody else's database. Version and tables
		// are read in one transaction: another process creating the
		// library at the same moment has then either made both or neither.
		n, v2, err := db.foreignTables(ctx)
		if err != nil {
			return openError(db.path, err)
		}
		if v2 == 0 && n > 0 {
			return parallax.Errorf(parallax.EINVALID, "%q is an SQLite database but not a parallax library", db.path)
		}
		v = v2
	}
	if wal {
		var mode string
		// switching to WAL takes the file whole: SQLite answers SQLITE_BUSY
		// at once, without its busy handler, while another process holds
		// it (two first opens at the same moment), so wait as it would
		deadline := time.Now().Add(busyTimeout)
		for {
			err := db.w.QueryRowContext(ctx, "PRAGMA journal_mode = WAL").Scan(&mode)
			var serr *sqlite.Error
			if err != nil && errors.As(err, &serr) && serr.Code()&0xff == sqlite3.SQLITE_BUSY && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
				continue
			}
			if err != nil {
				return openError(db.path, err)
			}
			break
		}
		if !strings.EqualFold(mode, "wal") {
			return parallax.Errorf(parallax.EINTERNAL, "library %q: cannot use WAL mode (journal mode is %s)", db.path, mode)
		}
	}
	for _, m := range migs[v:] {
		if err := db.apply(ctx, m, known); err != nil {
			var perr *parallax.Error
			if errors.As(err, &perr) {
				return err
			}
			return parallax.Errorf(parallax.EINTERNAL, "library %q: migration %s: %v", db.path, m.name, err)
		}
	}
	return nil
}

// foreignTables reads, in one transaction, how many tables the file holds
// and its schema version.
func (db *DB) foreignTables(ctx context.Context) (tables, version int, err error) {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return 0, 0, err
	}
	defer tx.Rollback()
	if version, err = db.schemaVersion(ctx, tx); err != nil {
		return 0, 0, err
	}
	err = tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").Scan(&tables)
	return tables, version, err
}

// schemaVersion is PRAGMA user_version, or the highest recorded migration if
// that is higher (a file whose header was reset by hand).
func (db *DB) schemaVersion(ctx context.Context, q querier) (int, error) {
	var v int
	if err := q.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, err
	}
	var has int
	if err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").Scan(&has); err != nil {
		return 0, err
	}
	if has > 0 {
		var m sql.NullInt64
		if err := q.QueryRowContext(ctx, "SELECT max(version) FROM schema_migrations").Scan(&m); err != nil {
			return 0, err
		}
		v = max(v, int(m.Int64))
	}
	return v, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func (db *DB) apply(ctx context.Context, m migration, known int) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have applied it since we looked.
	v, err := db.schemaVersion(ctx, tx)
	if err != nil {
		return err
	}
	if v >= m.version {
		if v > known {
			return parallax.Errorf(parallax.ECONFLICT, "database %q has schema version %d, this parallax knows %d: upgrade parallax", db.path, v, known)
		}
		return nil
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name    TEXT NOT NULL,
		applied TEXT NOT NULL
	) STRICT`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied) VALUES (?, ?, ?)",
		m.version, m.name, timeValue(db.now())); err != nil {
		return err
	}
	// PRAGMA takes no parameters; the version is a number we made.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return err
	}
	return tx.Commit()
}

// openError explains a failure to open or read the file at path.
func openError(path string, err error) error {
	var perr *parallax.Error
	if errors.As(err, &perr) {
		return err
	}
	var serr *sqlite.Error
	if errors.As(err, &serr) {
		switch serr.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return parallax.Errorf(parallax.EINVALID, "%q is not a parallax library: it is not an SQLite database", path)
		case sqlite3.SQLITE_CORRUPT:
			return parallax.Errorf(parallax.EINVALID, "library %q is damaged: %v", path, err)
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_AUTH:
			return parallax.Errorf(parallax.EINVALID, "cannot open library %q: %v", path, err)
		}
	}
	return parallax.Errorf(parallax.EINTERNAL, "cannot open library %q: %v", path, err)
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
	if cerr := contextError(err); cerr != nil {
		return cerr
	}
	var serr *sqlite.Error
	if errors.As(err, &serr) {
		switch serr.Code() {
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return parallax.Errorf(parallax.EINVALID, "%s: refers to a story, article or feed that does not exist", op)
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return parallax.Errorf(parallax.ECONFLICT, "%s: already stored", op)
		}
		if serr.Code()&0xff == sqlite3.SQLITE_BUSY {
			return parallax.Errorf(parallax.ECONFLICT, "%s: the library is busy (another parallax is writing to it): try again", op)
		}
	}
	return fmt.Errorf("sqlite: %s: %w", op, err)
}

// contextError returns the context error err stands for, if any: the driver
// reports an interrupted statement as its own error.
func contextError(err error) error {
	switch {
	case errors.Is(err, context.Canceled):
		return context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		return context.DeadlineExceeded
	}
	var serr *sqlite.Error
	if errors.As(err, &serr) && serr.Code()&0xff == sqlite3.SQLITE_INTERRUPT {
		return context.Canceled
	}
	return nil
}

// write runs fn in a write transaction: committed whole when fn returns nil,
// rolled back otherwise.
func (db *DB) write(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	err := db.inTx(ctx, db.w, nil, fn)
	db.wc.flush(context.WithoutCancel(ctx))
	return dbError(op, err)
}

func (db *DB) inTx(ctx context.Context, pool *sql.DB, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := pool.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// read runs fn in a read transaction, so that what it reads is one snapshot.
func (db *DB) read(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	err := db.inTx(ctx, db.r, &sql.TxOptions{ReadOnly: true}, fn)
	db.rc.flush(context.WithoutCancel(ctx))
	return dbError(op, err)
}

// Times are stored as UTC text of one width, so that they sort as strings.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// timeValue is t as stored: NULL for the zero time.
func timeValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// checkTime refuses a time the text form cannot hold.
func checkTime(what string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return parallax.Errorf(parallax.EINVALID, "%s %s is out of range", what, t)
	}
	return nil
}

// timeScan scans a stored time, NULL as the zero time.
type timeScan struct{ t *time.Time }

func (s timeScan) Scan(v any) error {
	var str string
	switch v := v.(type) {
	case nil:
		*s.t = time.Time{}
		return nil
	case string:
		str = v
	case []byte:
		str = string(v)
	case time.Time:
		*s.t = v.UTC()
		return nil
	default:
		return fmt.Errorf("stored time is a %T", v)
	}
	t, err := time.Parse(time.RFC3339Nano, str)
	if err != nil {
		return fmt.Errorf("stored time %q: %w", str, err)
	}
	*s.t = t.UTC()
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
