// Package sharedtest finds the shared evaluation material that sits beside
// the repository (../shared: the seed articles, the dev sets, the scorer)
// for tests that measure the program on real coverage. Those tests skip,
// saying why, when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder, or skips the test with a message.
func Dir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("skipping: no go.mod above the test, so ../shared cannot be found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "corpus")); err != nil {
		t.Skipf("skipping: shared corpus not found at %s (it sits beside the repository in CI)", shared)
	}
	return shared
}
