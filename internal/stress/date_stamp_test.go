package stress

import (
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/dates"
)

// The page's own date written in figures at its head is the page's stamp,
// no counterpart of a moved date; a date in words, or in figures but
// another day, may date a happening.
func TestFiguresStamp(t *testing.T) {
	pub := time.Date(2026, 3, 12, 8, 0, 0, 0, time.UTC)
	a := &parallax.Article{Published: pub, Language: "en",
		Text: " date 2026-03-12 Divers searched the Varn river on March 12, and a ferry sank there on 2026-03-10."}
	want := map[string]bool{"2026-03-12": true, "March 12": false, "2026-03-10": false}
	seen := 0
	for _, d := range dates.Find(a.Text, a.Published, "en") {
		w, ok := want[d.Text]
		if !ok {
			continue
		}
		seen++
		if got := figuresStamp(a, d); got != w {
			t.Errorf("%q: figuresStamp = %v, want %v", d.Text, got, w)
		}
	}
	if seen != len(want) {
		t.Fatalf("found %d of the %d dates", seen, len(want))
	}
}
