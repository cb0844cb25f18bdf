package stress

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// A figure's counterpart states the same amount: "three decades" is no
// counterpart of "three years", though both are spans of time valued 3.
func TestNumberCounterpartSameAmount(t *testing.T) {
	for _, c := range []struct {
		other string
		want  bool
	}{
		{"Keeper Ansel Brook served three years at the Kessel Point lighthouse before it closed.", true},
		{"Keeper Ansel Brook served three decades at the Kessel Point lighthouse before it closed.", false},
	} {
		s := Story{Name: "lighthouse", Articles: []*parallax.Article{
			{ID: "a1", Outlet: "harbour-times.example", Language: "en",
				Text: "The keeper Ansel Brook served three years at the Kessel Point lighthouse, the trust said."},
			{ID: "a2", Outlet: "coast-gazette.example", Language: "en", Text: c.other},
		}}
		sc := newStoryCtx(s)
		got := false
		for _, cand := range sc.numbers() {
			if cand.art == 0 && strings.Contains(s.Articles[0].Text[cand.span.Start:], "three years") && len(cand.counter) > 0 {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("counterpart in %q: %v, want %v", c.other, got, c.want)
		}
	}
}

// A figure the outlet states twice is changed at both mentions, each in its
// own form, so the outlet does not contradict itself.
func TestNumberRestated(t *testing.T) {
	s := Story{Name: "ferry", Articles: []*parallax.Article{
		{ID: "a1", Outlet: "harbour-times.example", Language: "en",
			Text: "The ferry Morrow Bell carried 40 passengers when it ran aground near Kessel Point. All 40 passengers were brought ashore by the coastguard. The crew of three stayed aboard."},
		{ID: "a2", Outlet: "coast-gazette.example", Language: "en",
			Text: "The ferry Morrow Bell ran aground near Kessel Point carrying 40 passengers, who were brought ashore by the coastguard."},
	}}
	sc := newStoryCtx(s)
	var inj *Injection
	for _, c := range sc.candidates(KindNumber) {
		if c.art == 0 && c.span.Of(s.Articles[0].Text) == "40" && c.span.Start < 50 {
			i := sc.apply(KindNumber, c, "90")
			inj = &i
		}
	}
	if inj == nil {
		t.Fatal("the first 40 passengers is no candidate")
	}
	checkInjection(t, s, *inj)
	if strings.Count(inj.Text, "90 passengers") != 2 || strings.Contains(inj.Text, "40") || !strings.Contains(inj.Text, "crew of three") {
		t.Errorf("perturbed text: %q", inj.Text)
	}
	if len(inj.Restated) != 1 || inj.Restated[0].Before != "40" || inj.Restated[0].After != "90" {
		t.Errorf("restated: %+v", inj.Restated)
	}
	// a conflict whose evidence shows only the restated mention still matches
	sp := inj.Restated[0].Span
	c := parallax.Conflict{Kind: "quantity", Sides: [][]parallax.Evidence{
		{{Article: "a1", Start: sp.Start, End: sp.End}},
		{{Article: "a2", Start: inj.Counterparts[0].Span.Start, End: inj.Counterparts[0].Span.End}},
	}}
	if o, _ := Match(*inj, []parallax.Conflict{c}, nil); o != Found {
		t.Errorf("match on the restated mention: %v", o)
	}
}

// An age is moved by 5–20 years but stays within half and twice itself, as
// a misreported age would: never a child's age for an adult.
func TestAgeRewritePlausible(t *testing.T) {
	for _, age := range []float64{3, 7, 16, 23, 45, 80} {
		tok := numToken{value: age, age: true}
		for seed := uint64(0); seed < 200; seed++ {
			r := rand.New(rand.NewPCG(seed, 1))
			v, err := strconv.ParseFloat(tok.rewrite(r), 64)
			if err != nil {
				t.Fatal(err)
			}
			if v == age || v < age/2 || v > 2*age {
				t.Fatalf("age %v rewritten to %v, want another age within half and twice it", age, v)
			}
			if d := math.Abs(v - age); d < min(5, age) {
				t.Fatalf("age %v rewritten to %v, want it moved by at least 5 years (or doubled)", age, v)
			}
		}
	}
}
