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

// A tokenised page writes its marks apart ("Harbour Road , Kessel , on
// Tuesday"); they take no place in the window of words where the act of a
// counterpart date is sought.
func TestActWordsSkipMarks(t *testing.T) {
	pub := time.Date(2031, 3, 7, 9, 0, 0, 0, time.UTC)
	s := Story{Name: "ferry", Articles: []*parallax.Article{
		{ID: "a1", Outlet: "harbour-times.example", Language: "en", Published: pub,
			Text: "The ferry Morrow Bell ran aground near Kessel Point on Tuesday with 40 passengers aboard."},
		{ID: "a2", Outlet: "coast-gazette.example", Language: "en", Published: pub,
			Text: "The ferry Morrow Bell , with 40 passengers , ran aground by the pier at Kessel , Westmere , on Tuesday about 8 ."},
	}}
	sc := newStoryCtx(s)
	n := 0
	for _, c := range sc.candidates(KindDate) {
		if c.art == 0 {
			n++
			if len(c.counter) != 1 || c.counter[0].Article != "a2" {
				t.Errorf("counterparts of %q: %+v", c.span.Of(s.Articles[0].Text), c.counter)
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d candidates in a1, want 1", n)
	}
}

// The ends of a range ("between May 1, 2031, and June 3, 2031") bound a
// span, like "since": neither is moved, nor stands as a counterpart.
func TestRangeEndsNoCandidates(t *testing.T) {
	pub := time.Date(2031, 7, 7, 9, 0, 0, 0, time.UTC)
	text := "The harbour board leased the old Kessel pier to a ferry firm between May 1, 2031, and June 3, 2031, for summer crossings."
	s := Story{Name: "pier", Articles: []*parallax.Article{
		{ID: "a1", Outlet: "harbour-times.example", Language: "en", Published: pub, Text: text},
		{ID: "a2", Outlet: "coast-gazette.example", Language: "en", Published: pub, Text: text},
	}}
	if cs := newStoryCtx(s).candidates(KindDate); len(cs) != 0 {
		t.Errorf("%d candidates, want none: %+v", len(cs), cs[0].span.Of(text))
	}
}
