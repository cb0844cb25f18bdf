package stress

import (
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// A date an article gives twice for the same act moves in both places;
// the same day for another act stays; a counterpart that only times when
// a source spoke is none.
func TestDateRestated(t *testing.T) {
	pub := time.Date(2031, 3, 7, 9, 0, 0, 0, time.UTC) // a Friday
	s := Story{Name: "ferry", Articles: []*parallax.Article{
		{ID: "a1", Outlet: "harbour-times.example", Language: "en", Published: pub,
			Text: "The ferry Morrow Bell ran aground near Kessel Point on Tuesday with 40 passengers aboard. The coastguard towed the ferry clear of the rocks. The ferry that ran aground on Tuesday had been inspected in January. The harbour master resigned on Tuesday."},
		{ID: "a2", Outlet: "coast-gazette.example", Language: "en", Published: pub,
			Text: "The ferry Morrow Bell ran aground near Kessel Point on Tuesday, carrying 40 passengers. The owners of the ferry Morrow Bell said on Tuesday that it ran aground near Kessel Point."},
	}}
	sc := newStoryCtx(s)
	var inj *Injection
	for _, c := range sc.candidates(KindDate) {
		if c.art == 0 && c.span.Start < 60 {
			for _, r := range c.counter {
				if r.Span.Start > 100 {
					t.Errorf("counterpart %q at %d: a source's time of speaking", r.Text, r.Span.Start)
				}
			}
			i := sc.apply(KindDate, c, "Thursday")
			inj = &i
		}
	}
	if inj == nil {
		t.Fatal("the first Tuesday is no candidate")
	}
	checkInjection(t, s, *inj)
	if strings.Count(inj.Text, "ran aground on Thursday") != 1 || !strings.Contains(inj.Text, "resigned on Tuesday") {
		t.Errorf("perturbed text: %q", inj.Text)
	}
	if len(inj.Restated) != 1 || inj.Restated[0].After != "Thursday" {
		t.Errorf("restated: %+v", inj.Restated)
	}
}
