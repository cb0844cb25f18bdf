package dates

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

func sharedDir(t *testing.T) string { return sharedtest.Dir(t) }

// TestSeedsGold checks the hand-made reference dates of the five seed
// articles: each must be found with its date, the dateline as published.
func TestSeedsGold(t *testing.T) {
	shared := sharedDir(t)
	b, err := os.ReadFile(filepath.Join(shared, "eval", "seeds.gold.json"))
	if err != nil {
		t.Skipf("no seeds gold: %v", err)
	}
	var gold struct {
		Dates []struct {
			Article, Text, Date string
			Published           bool
		}
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Dates) == 0 {
		t.Skip("seeds gold lists no dates")
	}
	for _, g := range gold.Dates {
		text, err := os.ReadFile(filepath.Join(shared, "corpus", "seeds", g.Article+".txt"))
		if err != nil {
			t.Errorf("%s: %v", g.Article, err)
			continue
		}
		got := Find(string(text), time.Time{}, "en")
		checkSpans(t, string(text), got)
		found := false
		for _, m := range got {
			if strings.HasPrefix(m.Date, g.Date) && (!g.Published || m.Published) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: %q (%s) not found in %v", g.Article, g.Text, g.Date, got)
		}
		if g.Published {
			d, sp, ok := Dateline(string(text))
			if !ok || d.Format("2006-01-02") != g.Date || sp.Of(string(text)) != g.Text {
				t.Errorf("%s: Dateline = %v %q %v, want %s %q", g.Article, d, sp.Of(string(text)), ok, g.Date, g.Text)
			}
		}
	}
}
