package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/server"
	"github.com/parallaxnews/parallax/internal/sharedtest"
	"github.com/parallaxnews/parallax/internal/sqlite"
)

// maxStoryPage is the budget of a story page's HTML: a reader on a phone
// gets the summary at once, not after three quarters of a megabyte.
const maxStoryPage = 200 << 10

// TestStoryPageSize ingests the dev coverage set (84 real articles, one
// story of 20) with the real ingest command and measures every story page:
// none may pass the budget, and the summary comes before the details.
func TestStoryPageSize(t *testing.T) {
	if testing.Short() {
		t.Skip("story page size skipped in -short mode")
	}
	cov := filepath.Join(sharedtest.Dir(t), "corpus", "dev", "coverage.jsonl")
	if _, err := os.Stat(cov); err != nil {
		t.Skipf("skipping: no dev coverage at %s", cov)
	}
	db := libDB(t)
	mustRun(t, "ingest", "--db", db, "--no-progress", cov)
	store, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(server.New(server.Config{Store: store, Addr: "127.0.0.1:0"}).Handler())
	defer srv.Close()
	list, err := store.Stories(context.Background(), parallax.StoryFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	largest, largestArticles := 0, 0
	for _, info := range list {
		res, err := http.Get(fmt.Sprintf("%s/stories/%d", srv.URL, info.ID))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("story s%d: %d", info.ID, res.StatusCode)
		}
		if len(b) > maxStoryPage {
			t.Errorf("story s%d (%d articles): %d bytes of HTML, over the %d budget", info.ID, info.Articles, len(b), maxStoryPage)
		}
		if info.Articles > largestArticles {
			largest, largestArticles = len(b), info.Articles
		}
		page := string(b)
		if s, m := strings.Index(page, `id="summary"`), strings.Index(page, `id="coverage"`); s < 0 || m < 0 || s > m {
			t.Errorf("story s%d: the summary (at %d) is not above the coverage matrix (at %d)", info.ID, s, m)
		}
	}
	if largestArticles < 20 {
		t.Errorf("the largest story has %d articles; the dev coverage should give one of 20", largestArticles)
	}
	t.Logf("largest story: %d articles, %d bytes of HTML (budget %d)", largestArticles, largest, maxStoryPage)
}
