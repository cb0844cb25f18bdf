package stress

import (
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
