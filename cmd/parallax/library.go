package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

// The library commands share one database: --db, else $PARALLAX_DB, else
// parallax.db in the user's data directory.

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

// openStore opens the library at path.
func openStore(path string) (parallax.Store, error) {
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, err
	}
	return db, nil
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
	st, err := openStore(path)
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
