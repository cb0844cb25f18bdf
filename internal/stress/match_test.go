package stress

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestMatch(t *testing.T) {
	// the injection: a1's figure at 100–103, a2 and a3 state the original
	inj := Injection{Kind: KindNumber, Article: "a1", Span: parallax.Span{Start: 100, End: 103},
		Counterparts: []Ref{{Article: "a2", Span: parallax.Span{Start: 40, End: 50}}, {Article: "a3", Span: parallax.Span{Start: 0, End: 8}}}}
	ev := func(art string, s, e int) parallax.Evidence { return parallax.Evidence{Article: art, Start: s, End: e} }
	conflict := func(summary string, sides ...[]parallax.Evidence) parallax.Conflict {
		return parallax.Conflict{Kind: "quantity", Summary: summary, Sides: sides}
	}
	both := conflict("both", []parallax.Evidence{ev("a1", 80, 120)}, []parallax.Evidence{ev("a4", 0, 9), ev("a3", 5, 30)})
	tests := []struct {
		name     string
		cs       []parallax.Conflict
		baseline []parallax.Conflict
		want     Outcome
		at       int
	}{
		{"no conflicts", nil, nil, Missed, -1},
		{"both sides", []parallax.Conflict{both}, nil, Found, 0},
		{"best of several", []parallax.Conflict{
			conflict("elsewhere", []parallax.Evidence{ev("a2", 0, 10)}, []parallax.Evidence{ev("a3", 20, 30)}),
			conflict("injected only", []parallax.Evidence{ev("a1", 102, 110)}, []parallax.Evidence{ev("a4", 0, 9)}),
			both,
		}, nil, Found, 2},
		{"injected side only", []parallax.Conflict{conflict("one", []parallax.Evidence{ev("a1", 99, 101)}, []parallax.Evidence{ev("a2", 0, 40)})}, nil, OneSided, 0},
		{"counterpart on the same side", []parallax.Conflict{conflict("same", []parallax.Evidence{ev("a1", 100, 103), ev("a2", 45, 46)}, []parallax.Evidence{ev("a5", 0, 9)})}, nil, OneSided, 0},
		{"touching is not covering", []parallax.Conflict{conflict("edge", []parallax.Evidence{ev("a1", 90, 100)}, []parallax.Evidence{ev("a2", 50, 60)})}, nil, Missed, -1},
		{"evidence in another article at the same offsets", []parallax.Conflict{conflict("other", []parallax.Evidence{ev("a9", 100, 103)}, []parallax.Evidence{ev("a2", 40, 50)})}, nil, Missed, -1},
		{"raised before the injection", []parallax.Conflict{both},
			[]parallax.Conflict{conflict("both", []parallax.Evidence{ev("a1", 80, 117)}, []parallax.Evidence{ev("a3", 5, 30), ev("a4", 0, 9)})}, Missed, -1},
		{"same summary, other articles", []parallax.Conflict{both},
			[]parallax.Conflict{conflict("both", []parallax.Evidence{ev("a1", 80, 117)}, []parallax.Evidence{ev("a4", 0, 9)})}, Found, 0},
	}
	for _, tt := range tests {
		got, at := Match(inj, tt.cs, tt.baseline)
		if got != tt.want || at != tt.at {
			t.Errorf("%s: Match = %v, %d; want %v, %d", tt.name, got, at, tt.want, tt.at)
		}
	}
}

// TestDetectsOnFixture runs the whole loop on the fictional story with a
// stand-in for compare: the harness counts a trial found exactly when the
// conflicts it is given show both sides.
func TestDetectsOnFixture(t *testing.T) {
	sc := fixtureCtx(t)
	injs := sc.inject(KindNumber, streamFor(1, "fixture", KindNumber), 10)
	if len(injs) == 0 {
		t.Fatal("no number injection in the fixture")
	}
	for _, inj := range injs {
		cp := inj.Counterparts[0]
		reported := parallax.Conflict{Kind: "quantity", Summary: inj.After + " vs " + cp.Text, Sides: [][]parallax.Evidence{
			{{Article: inj.Article, Text: inj.After, Start: inj.Span.Start, End: inj.Span.End}},
			{{Article: cp.Article, Text: cp.Text, Start: cp.Span.Start, End: cp.Span.End}},
		}}
		if o, _ := Match(inj, []parallax.Conflict{reported}, nil); o != Found {
			t.Errorf("%q → %q against %q: %v, want found", inj.Before, inj.After, cp.Text, o)
		}
		// the same conflict pointing at the original offsets of a text
		// that grew or shrank elsewhere does not count
		stale := reported
		stale.Sides = [][]parallax.Evidence{{{Article: inj.Article, Start: inj.Span.End + 5, End: inj.Span.End + 9}}, reported.Sides[1]}
		if o, _ := Match(inj, []parallax.Conflict{stale}, nil); o != Missed {
			t.Errorf("evidence beside the injected words: %v, want missed", o)
		}
	}
}
