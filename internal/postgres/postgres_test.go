package postgres

import (
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"context"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/postgres/pgtest"
	"github.com/parallaxnews/parallax/internal/storetest"
)

func open(t testing.TB) *DB {
	t.Helper()
	db, err := Open(context.Background(), pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) parallax.Store { return open(t) })
}

func BenchmarkStore(b *testing.B) {
	storetest.Benchmark(b, func(b *testing.B) parallax.Store { return open(b) })
}

// Workers started together on a new library: one creates the schema, the
// others wait for it and find it done.
func TestOpenConcurrently(t *testing.T) {
	dsn := pgtest.DSN(t)
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			db, err := Open(context.Background(), dsn)
			if err == nil {
				db.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Errorf("Open %d: %v", i, err)
		}
	}
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.pool.QueryRow(context.Background(), "SELECT count(*) FROM schema_migrations").Scan(&n); err != nil || n != len(migs) {
		t.Errorf("schema_migrations has %d rows (%v), want one per migration, %d", n, err, len(migs))
	}
}

func TestOpenRefuses(t *testing.T) {
	ctx := context.Background()
	// A schema written by a newer parallax is left alone.
	dsn := pgtest.DSN(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.pool.Exec(ctx, "INSERT INTO schema_migrations VALUES (99, '0099_future', now())"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(ctx, dsn)
	if parallax.ErrorCode(err) != parallax.ECONFLICT || !strings.Contains(err.Error(), "upgrade parallax") {
		t.Errorf("Open(newer schema) = %v, want ECONFLICT asking for an upgrade", err)
	}

	// Somebody else's articles table.
	other := pgtest.DSN(t)
	conn, err := pgx.Connect(ctx, other)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE articles (x int)"); err != nil {
		t.Fatal(err)
	}
	conn.Close(ctx)
	if _, err := Open(ctx, other); parallax.ErrorCode(err) != parallax.EINVALID || !strings.Contains(err.Error(), "not a parallax library") {
		t.Errorf("Open(foreign articles table) = %v, want EINVALID", err)
	}

	// No server there: an error naming the URL, without its password.
	bad := "postgres://someone:s3cret@127.0.0.1:1/nothing?connect_timeout=2"
	_, err = Open(ctx, bad)
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("Open(no server) = %v, want an error naming the server without the password", err)
	}
}

func TestText(t *testing.T) {
	db := open(t)
	defer db.Close()
	r := &parallax.Record{Article: parallax.Article{Source: "x", Text: "nul \x00 byte"}}
	if _, _, err := db.AddArticle(context.Background(), r); parallax.ErrorCode(err) != parallax.EINVALID {
		t.Errorf("AddArticle(text with NUL) = %v, want EINVALID", err)
	}
}

func TestPlacementLock(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	a, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	la, err := a.LockPlacement(ctx, false)
	if err != nil || la == nil {
		t.Fatalf("first LockPlacement = %v, %v", la, err)
	}
	if err := la.Check(ctx); err != nil {
		t.Errorf("Check on a held lock: %v", err)
	}
	if lb, err := b.LockPlacement(ctx, false); err != nil || lb != nil {
		t.Fatalf("second LockPlacement(no wait) = %v, %v; want nil, nil", lb, err)
	}
	// Another library on the same server has its own lock.
	other, err := Open(ctx, pgtest.DSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if lo, err := other.LockPlacement(ctx, false); err != nil || lo == nil {
		t.Errorf("another schema's lock = %v, %v; want it free", lo, err)
	} else {
		lo.Unlock()
	}
	got := make(chan parallax.PlacementLock, 1)
	go func() {
		l, err := b.LockPlacement(ctx, true)
		if err != nil {
			t.Error(err)
		}
		got <- l
	}()
	select {
	case <-got:
		t.Fatal("a waiting LockPlacement returned while the lock was held")
	case <-time.After(300 * time.Millisecond):
	}
	// The holder dies: its connections close, and the waiter gets the lock.
	a.Close()
	select {
	case lb := <-got:
		if lb == nil {
			t.Fatal("the waiter got no lock")
		}
		if err := lb.Check(ctx); err != nil {
			t.Errorf("Check on the taken-over lock: %v", err)
		}
		lb.Unlock()
		if err := lb.Check(ctx); err == nil {
			t.Error("Check after Unlock: no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the lock was not passed on when its holder closed")
	}
	// A cancelled wait returns.
	lc, _ := b.LockPlacement(ctx, false)
	if lc == nil {
		t.Fatal("the lock is not free after Unlock")
	}
	defer lc.Unlock()
	c, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	cctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if l, err := c.LockPlacement(cctx, true); err == nil || l != nil {
		t.Errorf("LockPlacement with a cancelled context = %v, %v; want an error", l, err)
	}
}

// A library from before migration 0005 gets its stories' placed counts
// from the articles it holds: the stories it had left uncompared are still
// found, and the compared ones are not.
func TestPlacedCountBackfilled(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	db, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	// Back to the schema before 0005 (and 0006 and 0007, which build on it).
	for _, q := range []string{
		"ALTER TABLE stories DROP COLUMN changes", "DELETE FROM schema_migrations WHERE version = 7",
		"DROP TRIGGER articles_reanalysed ON articles", "DROP FUNCTION articles_reanalysed()",
		"ALTER TABLE stories DROP COLUMN recompare", "DELETE FROM schema_migrations WHERE version = 6",
		"DROP TRIGGER articles_placed_insert ON articles", "DROP TRIGGER articles_placed_update ON articles",
		"DROP TRIGGER articles_placed_delete ON articles", "DROP FUNCTION articles_placed()",
		"DROP INDEX IF EXISTS stories_stale", "ALTER TABLE stories DROP COLUMN placed", "DELETE FROM schema_migrations WHERE version = 5",
	} {
		if _, err := db.Pool().Exec(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	var ids []int64
	for _, r := range storetest.Corpus(5, 7) {
		id, _, err := db.AddArticle(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	var stories []int64
	for range 3 {
		s, err := db.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stories = append(stories, s)
	}
	for i, s := range []int64{stories[0], stories[0], stories[1], stories[1]} {
		if err := db.SetPlacement(ctx, ids[i], s, 0); err != nil {
			t.Fatal(err)
		}
	}
	// The reports, as that schema's SaveReport saved them.
	for _, info := range []parallax.StoryInfo{{ID: stories[0], Articles: 2}, {ID: stories[1], Articles: 1}} {
		if _, err := db.Pool().Exec(ctx, "UPDATE stories SET articles = $1, report = '{}' WHERE id = $2", info.Articles, info.ID); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if db, err = Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stale, err := db.StaleStories(ctx, 10)
	if err != nil || !slices.Equal(stale, []int64{stories[1]}) {
		t.Fatalf("StaleStories after the migration = %v, %v; want [%d]", stale, err, stories[1])
	}
	// One article added to story 0, one moved there from story 1.
	for _, id := range []int64{ids[4], ids[3]} {
		if err := db.SetPlacement(ctx, id, stories[0], 0); err != nil {
			t.Fatal(err)
		}
	}
	// Story 0 now holds four; story 1 as many as its report saw, but not
	// the same one (0006's flag).
	stale, err = db.StaleStories(ctx, 10)
	if err != nil || !slices.Equal(stale, []int64{stories[0], stories[1]}) {
		t.Fatalf("StaleStories after moving and adding = %v, %v; want [%d %d]", stale, err, stories[0], stories[1])
	}
}
