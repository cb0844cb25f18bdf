package read

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

func sharedDir(t *testing.T) string { return sharedtest.Dir(t) }

func TestSharedSeeds(t *testing.T) {
	seeds := filepath.Join(sharedDir(t), "corpus", "seeds")
	arts, errs := Inputs(context.Background(), []string{seeds}, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors reading the seeds: %v", errs)
	}
	if len(arts) != 5 {
		t.Fatalf("read %d seed articles, want 5", len(arts))
	}
	for _, a := range arts {
		checkArticle(t, a)
		if a.Outlet != strings.TrimSuffix(filepath.Base(a.Source), ".txt") {
			t.Errorf("%s: outlet %q, want the file stem", a.Source, a.Outlet)
		}
		if !strings.HasPrefix(filepath.Base(a.Source), "003_") {
			continue
		}
		if a.PublishedDate() != "2025-04-17" || a.PublishedEvidence.Of(a.Text) != "Posted on 17/04/2025" {
			t.Errorf("%s: published %q from %q, want 2025-04-17 from %q", a.Source, a.PublishedDate(), a.PublishedEvidence.Of(a.Text), "Posted on 17/04/2025")
		}
		if a.Title != "Bukele Offers U.S. Help in Fight Against Terrorism and Highlights Security Advances" {
			t.Errorf("%s: title %q", a.Source, a.Title)
		}
	}
}

func TestSharedCoverage(t *testing.T) {
	path := filepath.Join(sharedDir(t), "corpus", "dev", "coverage.jsonl")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no %s", path)
	}
	arts, errs := Inputs(context.Background(), []string{path}, Options{})
	if len(errs) != 0 {
		t.Fatalf("errors reading coverage.jsonl: %v", errs)
	}
	if len(arts) != 84 {
		t.Fatalf("read %d records, want 84", len(arts))
	}
	dated, yahoo := 0, 0
	for _, a := range arts {
		checkArticle(t, a)
		if !strings.HasPrefix(a.Source, "http") || a.URL != a.Source {
			t.Errorf("%s: source is not the record's URL", a.ID)
		}
		if !a.Published.IsZero() {
			dated++
		}
		if strings.Contains(a.URL, "yahoo.com") {
			yahoo++
			if a.Outlet != "yahoo.com" {
				t.Errorf("%s: outlet %q, want yahoo.com", a.URL, a.Outlet)
			}
		}
	}
	// 42 records carry date_publish; datelines in the text add a few.
	if dated < 42 {
		t.Errorf("%d of 84 records dated, want at least the 42 with date_publish", dated)
	}
	t.Logf("%d of %d records dated, %d from Yahoo", dated, len(arts), yahoo)
}
