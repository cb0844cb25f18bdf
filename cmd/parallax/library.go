package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/postgres"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

// The library commands share one database: --db, else $PARALLAX_DB, else
// parallax.db in the user's data directory. A postgres:// (or
// postgresql://) URL in its place puts the library on a PostgreSQL server
// instead, for every command alike.

// DefaultDBPath is where the library lives when nothing says otherwise:
// $XDG_DATA_HOME/parallax/parallax.db, or ~/.local/share/parallax/parallax.db.
func DefaultDBPath() string {
	if p := os.Getenv("PARALLAX_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "parallax.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "parallax", "parallax.db")
}

// dbFlag defines the --db flag every library command takes.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", DefaultDBPath(), "library: an SQLite file, or a postgres:// URL (or $PARALLAX_DB)")
}

// openStore opens the library at path: an SQLite file, or the PostgreSQL
// database a postgres:// URL names. Every command opens it here.
func openStore(ctx context.Context, path string) (parallax.Store, error) {
	if postgres.IsURL(path) {
		return postgres.Open(ctx, path)
	}
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	return db, nil
}

// libraryName is how messages name the library: a PostgreSQL URL without
// its password.
func libraryName(path string) string {
	if postgres.IsURL(path) {
		return postgres.Redact(path)
	}
	return path
}

// parseStoryID accepts "12" or "s12".
func parseStoryID(s string) (int64, error) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "s"), 10, 64)
	if err != nil || n <= 0 {
		return 0, parallax.Errorf(parallax.EINVALID, "%q is not a story ID (try: parallax stories)", s)
	}
	return n, nil
}

// withStore opens the library, runs fn and closes it.
func withStore(ctx context.Context, path string, fn func(parallax.Store) error) error {
	st, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := fn(st); err != nil {
		return err
	}
	return ctx.Err()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
