package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/storetest"
)

// openTemp opens a new library in a file of the test's own.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parallax.Store {
		db := openTemp(t)
		t.Cleanup(func() {
			if err := db.Check(context.Background()); err != nil {
				t.Errorf("after the test: %v", err)
			}
		})
		return db
	})
}

func TestStoreMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parallax.Store {
		db, err := Open(":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func BenchmarkStore(b *testing.B) {
	storetest.Benchmark(b, func(b *testing.B) parallax.Store { return openTemp(b) })
}

// raw opens the file behind the library's back, as another program would.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func exec(t *testing.T, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func knownVersion(t *testing.T) int {
	t.Helper()
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	return len(migs)
}

func TestMigrationsAppliedOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	known := knownVersion(t)
	for i := 0; i < 3; i++ {
		db, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		v, err := db.Version(ctx)
		if err != nil || v != known {
			t.Errorf("open %d: Version = %d, %v; want %d", i, v, err, known)
		}
		var n, max int
		if err := db.r.QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &max); err != nil {
			t.Fatal(err)
		}
		if n != known || max != known {
			t.Errorf("open %d: schema_migrations has %d rows up to %d, want %d", i, n, max, known)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMigrationNames(t *testing.T) {
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(migs) == 0 || migs[0].name != "0001_init" {
		t.Fatalf("migrations = %v", migs)
	}
	for i, m := range migs {
		if m.version != i+1 || strings.TrimSpace(m.sql) == "" {
			t.Errorf("migration %d: %+v", i+1, m)
		}
	}
}

// A migration that fails leaves the file at the version before it.
func TestMigrationFailsWhole(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	bad := append(migs[:len(migs):len(migs)], migration{
		version: len(migs) + 1, name: "0099_bad",
		sql: "CREATE TABLE half_done (x INTEGER); ALTER TABLE articles ADD COLUMN x INTEGER; SELECT no_such_function();",
	})
	_, err = open(path, bad)
	if err == nil || !strings.Contains(err.Error(), "0099_bad") {
		t.Fatalf("open with a failing migration: %v", err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, _ := db.Version(ctx); v != len(migs) {
		t.Errorf("version %d after a failed migration, want %d", v, len(migs))
	}
	var n int
	db.r.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").Scan(&n)
	if n != 0 {
		t.Error("the failed migration's table is there")
	}
	if _, err := db.r.Exec("SELECT x FROM articles"); err == nil {
		t.Error("the failed migration's column is there")
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	recs := storetest.Corpus(20, 3)
	for _, r := range recs {
		if _, _, err := db.AddArticle(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	story, _ := db.CreateStory(ctx)
	if err := db.SetPlacement(ctx, recs[0].ID, story, 0); err != nil {
		t.Fatal(err)
	}
	info := parallax.StoryInfo{ID: story, Title: recs[0].Title, Articles: 1, Outlets: 1, Updated: time.Now()}
	if err := db.SaveReport(ctx, info, []byte(`{"ok":true}`)); err != nil {
		t.Fatal(err)
	}
	feed := &parallax.Feed{URL: "https://harbor-gazette.example/rss", ETag: `"abc"`}
	if _, _, err := db.AddFeed(ctx, feed); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// The WAL is folded back into the file on close.
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Close: %s-wal: %v", path, err)
	}

	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	err = db.EachArticle(ctx, func(r *parallax.Record) error {
		if r.Text != recs[n].Text || r.URL != recs[n].URL || !bytes.Equal(r.Raw, recs[n].Raw) {
			return fmt.Errorf("article %d differs after reopening", r.ID)
		}
		n++
		return nil
	})
	if err != nil || n != len(recs) {
		t.Fatalf("after reopening: %d articles, %v", n, err)
	}
	got, rep, err := db.Story(ctx, story)
	if err != nil || got.Title != info.Title || string(rep) != `{"ok":true}` {
		t.Errorf("story after reopening: %+v, %s, %v", got, rep, err)
	}
	feeds, _ := db.Feeds(ctx)
	if len(feeds) != 1 || feeds[0].ETag != `"abc"` {
		t.Errorf("feeds after reopening: %+v", feeds)
	}
	hits, err := db.Search(ctx, strings.Fields(recs[0].Title)[0], 5)
	if err != nil || len(hits) == 0 {
		t.Errorf("search after reopening: %v, %v", hits, err)
	}
	if _, created, _ := db.AddArticle(ctx, storetest.Corpus(1, 3)[0]); created {
		t.Error("after reopening, a stored article was added again")
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	known := knownVersion(t)
	for _, how := range []string{"user_version", "schema_migrations"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.db")
			db, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, _, err := db.AddArticle(context.Background(), storetest.Corpus(1, 1)[0]); err != nil {
				t.Fatal(err)
			}
			db.Close()

			// As a later parallax would leave it.
			r := raw(t, path)
			switch how {
			case "user_version":
				exec(t, r, fmt.Sprintf("PRAGMA user_version = %d", known+1))
			case "schema_migrations":
				exec(t, r, fmt.Sprintf("INSERT INTO schema_migrations (version, name, applied) VALUES (%d, 'future', '2030-01-01T00:00:00.000000000Z')", known+1))
			}
			r.Close()
			before := readFile(t, path)

			_, err = Open(path)
			want := fmt.Sprintf("database %q has schema version %d, this parallax knows %d: upgrade parallax", path, known+1, known)
			if err == nil || err.Error() != want {
				t.Fatalf("Open(newer) = %v, want %q", err, want)
			}
			if code := parallax.ErrorCode(err); code != parallax.ECONFLICT {
				t.Errorf("code %s, want %s", code, parallax.ECONFLICT)
			}
			if after := readFile(t, path); !bytes.Equal(before, after) {
				t.Error("refusing the file changed it")
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("files left beside it: %v", entries)
			}
		})
	}

	// The real case: a binary with a migration more.
	t.Run("later binary", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x.db")
		migs, _ := migrations()
		later := append(migs[:known:known], migration{version: known + 1, name: "0002_later", sql: "ALTER TABLE stories ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"})
		db, err := open(path, later)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = Open(path)
		if want := fmt.Sprintf("has schema version %d, this parallax knows %d: upgrade parallax", known+1, known); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Open(after a later binary) = %v", err)
		}
	})
}

func TestPragmas(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	for name, pool := range map[string]*sql.DB{"writer": db.w, "reader": db.r} {
		for pragma, want := range map[string]string{
			"journal_mode": "wal",
			"foreign_keys": "1",
			"busy_timeout": fmt.Sprint(busyTimeout.Milliseconds()),
			"synchronous":  "1", // NORMAL
		} {
			var got string
			if err := pool.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("%s: PRAGMA %s = %s, want %s", name, pragma, got, want)
			}
		}
	}
	if _, err := db.r.Exec("DELETE FROM feeds"); err == nil {
		t.Error("the reading pool can write")
	}
	if db.w.Stats().MaxOpenConnections != 1 {
		t.Errorf("writer pool allows %d connections", db.w.Stats().MaxOpenConnections)
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Check(ctx); err != nil {
		t.Fatalf("Check(new library): %v", err)
	}
	for _, r := range storetest.Corpus(50, 4) {
		if _, _, err := db.AddArticle(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Check(ctx); err != nil {
		t.Fatalf("Check(after adds): %v", err)
	}
	// Deleting and editing articles keeps the full-text index in step.
	exec(t, db.w, "DELETE FROM articles WHERE id IN (3, 7)")
	exec(t, db.w, "UPDATE articles SET title = 'Zyxwv renamed' WHERE id = 5")
	if err := db.Check(ctx); err != nil {
		t.Fatalf("Check(after delete and update): %v", err)
	}
	if hits, _ := db.Search(ctx, "zyxwv", 0); len(hits) != 1 || hits[0].ID != 5 {
		t.Errorf("Search(new title) = %+v", hits)
	}
	db.Close()

	// An article written behind the index's back is found out.
	r := raw(t, path)
	exec(t, r, "DROP TRIGGER articles_fts_insert")
	exec(t, r, "INSERT INTO articles (title, text, created) VALUES ('Unindexed', 'Never indexed.', '2024-01-01T00:00:00.000000000Z')")
	r.Close()
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Check(ctx)
	if err == nil || !strings.Contains(err.Error(), "full-text index") || !strings.Contains(err.Error(), path) {
		t.Errorf("Check(damaged index) = %v", err)
	}
}

func TestNotADatabase(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	content := []byte(strings.Repeat("These are notes, not a database.\n", 200))
	if err := os.WriteFile(text, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(text)
	if err == nil || !strings.Contains(err.Error(), text) || parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("Open(text file) = %v (code %s)", err, parallax.ErrorCode(err))
	}
	if got := readFile(t, text); !bytes.Equal(got, content) {
		t.Error("Open changed the text file")
	}

	// Somebody else's SQLite database.
	other := filepath.Join(dir, "other.db")
	r := raw(t, other)
	exec(t, r, "CREATE TABLE notes (body TEXT)")
	exec(t, r, "INSERT INTO notes VALUES ('keep me')")
	r.Close()
	before := readFile(t, other)
	_, err = Open(other)
	if err == nil || !strings.Contains(err.Error(), "not a parallax library") || !strings.Contains(err.Error(), other) {
		t.Errorf("Open(other database) = %v", err)
	}
	if !bytes.Equal(before, readFile(t, other)) {
		t.Error("Open changed the other database")
	}

	for _, path := range []string{"", dir} {
		if _, err := Open(path); err == nil || parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("Open(%q) = %v", path, err)
		}
	}
}

func TestDamagedFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range storetest.Corpus(200, 5) {
		if _, _, err := db.AddArticle(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	b := readFile(t, path)
	// Scribble over the middle pages; the header stays.
	for i := len(b) / 3; i < 2*len(b)/3; i++ {
		b[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path)
	if err != nil {
		if !strings.Contains(err.Error(), path) {
			t.Errorf("Open(damaged) = %v: want the path named", err)
		}
		return
	}
	defer db.Close()
	if err := db.Check(ctx); err == nil {
		t.Error("Check(damaged) found nothing")
	}
}

func TestPaths(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{
		filepath.Join("a", "b", "c", "library.db"),
		"with space.db",
		"what?.db",
		"hash#sign.db",
		"100%.db",
		"file:looks-like-a-uri.db",
	} {
		path := filepath.Join(dir, name)
		db, err := Open(path)
		if err != nil {
			t.Errorf("Open(%q): %v", name, err)
			continue
		}
		db.Close()
		if _, err := os.Stat(path); err != nil {
			t.Errorf("Open(%q) made no file there: %v", name, err)
		}
	}
}

func TestTimesStoredUTC(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	r := storetest.Corpus(1, 6)[0]
	r.Published = time.Date(2024, 3, 4, 9, 30, 0, 5, time.FixedZone("CET", 3600))
	id, _, err := db.AddArticle(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	var published, created string
	if err := db.r.QueryRow("SELECT published, created FROM articles WHERE id = ?", id).Scan(&published, &created); err != nil {
		t.Fatal(err)
	}
	if published != "2024-03-04T08:30:00.000000005Z" {
		t.Errorf("published stored as %q", published)
	}
	if !strings.HasSuffix(created, "Z") || len(created) != len(published) {
		t.Errorf("created stored as %q", created)
	}
	var null sql.NullString
	r2 := storetest.Corpus(2, 6)[1]
	r2.Published = time.Time{}
	id2, _, err := db.AddArticle(ctx, r2)
	if err != nil {
		t.Fatal(err)
	}
	db.r.QueryRow("SELECT published FROM articles WHERE id = ?", id2).Scan(&null)
	if null.Valid {
		t.Errorf("zero time stored as %q, want NULL", null.String)
	}
	r3 := storetest.Corpus(3, 6)[2]
	r3.Published = time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, _, err := db.AddArticle(ctx, r3); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("AddArticle(year 12000) = %v, want EINVALID", err)
	}
}

func TestSearchFoldsDiacritics(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	defer db.Close()
	r := storetest.Corpus(1, 7)[0]
	r.Title = "Neue Brücke in Grünfeld"
	r.Text = r.Title + "\nDie Brücke ist offen. Café São Paulo."
	r.Hash = storetest.Hash(r.Text)
	id, _, err := db.AddArticle(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"brucke", "GRUNFELD", "cafe", "sao paulo", "brück*"} {
		hits, err := db.Search(ctx, q, 0)
		if err != nil || len(hits) != 1 || hits[0].ID != id {
			t.Errorf("Search(%q) = %+v, %v", q, hits, err)
		}
	}
}

func TestFTSQuery(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"bridge", `"bridge"`},
		{"harbor bridge", `"harbor" "bridge"`},
		{`"harbor bridge"`, `"harbor bridge"`},
		{`"harbor bridge`, `"harbor bridge"`},
		{"evac*", `"evac"*`},
		{"*evac", `"evac"`},
		{`"harbor bri"*`, `"harbor bri"`},
		{"AND OR NOT", `"AND" "OR" "NOT"`},
		{"NEAR(a b)", `"NEAR a" "b"`},
		{"title:bridge", `"title bridge"`},
		{"3.5 million", `"3 5" "million"`},
		{"don't", `"don t"`},
		{"'; DROP TABLE articles; --", `"DROP" "TABLE" "articles"`},
		{"Brücke мост 東京", `"Brücke" "мост" "東京"`},
		{"naïve", `"naïve"`},
		{"na\u0308ive", "\"na\u0308ive\""},
	} {
		got, err := ftsQuery(c.in)
		if err != nil || got != c.want {
			t.Errorf("ftsQuery(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", " ", `"`, "*", "()", "-", "🌉", "\xff"} {
		if q, err := ftsQuery(in); parallax.ErrorCode(err) != parallax.EINVALID {
			t.Errorf("ftsQuery(%q) = %q, %v; want EINVALID", in, q, err)
		}
	}
}

// Two handles on one file, as two parallax processes would have, add the
// same article: one row.
func TestTwoHandles(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	var dbs []*DB
	for i := 0; i < 2; i++ {
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs = append(dbs, db)
	}
	recs := storetest.Corpus(30, 8)
	var wg sync.WaitGroup
	created := make([]int, len(dbs))
	errs := make(chan error, len(dbs))
	for i, db := range dbs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, r := range recs {
				c := *r
				_, ok, err := db.AddArticle(ctx, &c)
				if err != nil {
					errs <- err
					return
				}
				if ok {
					created[i]++
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if created[0]+created[1] != len(recs) {
		t.Errorf("created %d + %d, want %d in all", created[0], created[1], len(recs))
	}
	var n int
	dbs[0].r.QueryRow("SELECT count(*) FROM articles").Scan(&n)
	if n != len(recs) {
		t.Errorf("%d rows, want %d", n, len(recs))
	}
}

func TestCanceledContext(t *testing.T) {
	db := openTemp(t)
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := db.AddArticle(ctx, storetest.Corpus(1, 9)[0]); !errors.Is(err, context.Canceled) {
		t.Errorf("AddArticle(canceled) = %v", err)
	}
	if _, err := db.Search(ctx, "fire", 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Search(canceled) = %v", err)
	}
	if n, _ := db.Stories(context.Background(), parallax.StoryFilter{}); len(n) != 0 {
		t.Error("a canceled write went through")
	}
}

// A write waits for another process's lock for the busy timeout, then
// says the library is busy, and changes nothing.
func TestLockedByAnother(t *testing.T) {
	defer func(d time.Duration) { busyTimeout = d }(busyTimeout)
	busyTimeout = 300 * time.Millisecond
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	other := raw(t, path)
	conn, err := other.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err = db.AddArticle(context.Background(), storetest.Corpus(1, 10)[0])
	if err == nil || parallax.ErrorCode(err) != parallax.ECONFLICT || !strings.Contains(err.Error(), "busy") {
		t.Fatalf("AddArticle while another holds the write lock = %v", err)
	}
	if el := time.Since(start); el < busyTimeout || el > busyTimeout+3*time.Second {
		t.Errorf("AddArticle gave up after %v, busy timeout %v", el, busyTimeout)
	}
	// Reading goes on meanwhile (WAL).
	if _, err := db.Stories(context.Background(), parallax.StoryFilter{}); err != nil {
		t.Errorf("Stories while another writes: %v", err)
	}
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	if _, created, err := db.AddArticle(context.Background(), storetest.Corpus(1, 10)[0]); err != nil || !created {
		t.Errorf("AddArticle once the lock is free: %v, %v", created, err)
	}
}

// A library from before migration 0005 gets its stories' placed counts
// from the articles it holds, and one from before 0006 keeps them when they
// move to their own table: the stories it had left uncompared are still
// found, and the compared ones are not.
func TestPlacedCountBackfilled(t *testing.T) {
	for _, from := range []int{4, 5} {
		t.Run(fmt.Sprintf("from %d migrations", from), func(t *testing.T) { testPlacedCountBackfilled(t, from) })
	}
}

func testPlacedCountBackfilled(t *testing.T, from int) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	old, err := open(path, migs[:from])
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range storetest.Corpus(5, 7) {
		id, _, err := old.AddArticle(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	var stories []int64
	for range 3 {
		s, err := old.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stories = append(stories, s)
	}
	// Story 0: two articles, compared with both. Story 1: two articles,
	// compared with one. Story 2: none.
	for i, s := range []int64{stories[0], stories[0], stories[1], stories[1]} {
		if err := old.SetPlacement(ctx, ids[i], s, 0); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	// The reports, as that schema's SaveReport saved them.
	r := raw(t, path)
	exec(t, r, fmt.Sprintf("UPDATE stories SET articles = 2, report = x'7b7d' WHERE id = %d", stories[0]))
	exec(t, r, fmt.Sprintf("UPDATE stories SET articles = 1, report = x'7b7d' WHERE id = %d", stories[1]))
	r.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stale, err := db.StaleStories(ctx, 10)
	if err != nil || !slices.Equal(stale, []int64{stories[1]}) {
		t.Fatalf("StaleStories after the migration = %v, %v; want [%d]", stale, err, stories[1])
	}
	// The triggers keep the count from then on: one article added to
	// story 0, one moved there from story 1.
	if err := db.SetPlacement(ctx, ids[4], stories[0], 0); err != nil {
		t.Fatal(err)
	}
	if err := db.SetPlacement(ctx, ids[3], stories[0], 0); err != nil {
		t.Fatal(err)
	}
	stale, err = db.StaleStories(ctx, 10)
	// Story 0 now holds four; story 1 as many as its report saw, but not
	// the same one (0007's flag).
	if err != nil || !slices.Equal(stale, []int64{stories[0], stories[1]}) {
		t.Fatalf("StaleStories after moving and adding = %v, %v; want [%d %d]", stale, err, stories[0], stories[1])
	}
	// A report that sees all four makes it current again.
	info, _, err := db.Story(ctx, stories[0])
	if err != nil {
		t.Fatal(err)
	}
	info.Articles = 4
	if err := db.SaveReport(ctx, info, []byte("{}")); err != nil {
		t.Fatal(err)
	}
	if stale, err = db.StaleStories(ctx, 10); err != nil || !slices.Equal(stale, []int64{stories[1]}) {
		t.Fatalf("StaleStories after a report saw every article of story %d = %v, %v; want [%d]", stories[0], stale, err, stories[1])
	}
}
