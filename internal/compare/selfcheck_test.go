package compare

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestSelfConflicts: one article giving a person two ages in apposition
// contradicts itself; an age of an earlier time does not, nor two articles
// that differ (a dispute between outlets, found elsewhere).
func TestSelfConflicts(t *testing.T) {
	s := innerStory(t,
		"Ivo Quist, 52, was arrested in Kessel on Tuesday. Police said the 53-year-old Quist had no record.",
		"Anna Berg, 40, testified on Tuesday. Police said the then 38-year-old Berg had seen the crash.",
		"Ivo Quist, 54, denied the charges in Kessel.")
	cs := s.selfConflicts()
	if len(cs) != 1 {
		t.Fatalf("self-contradictions: %d, want 1: %+v", len(cs), cs)
	}
	c := cs[0]
	if c.Label != parallax.LabelSelfContradiction || len(c.Sides) != 2 {
		t.Fatalf("conflict %+v, want a self-contradiction of two sides", c)
	}
	for i, want := range []string{"Ivo Quist, 52", "53-year-old Quist"} {
		if len(c.Sides[i]) != 1 || c.Sides[i][0].Article != "a1" || !strings.Contains(c.Sides[i][0].Text, want) {
			t.Errorf("side %d %+v, want a1's %q", i, c.Sides[i], want)
		}
	}
	if !strings.Contains(c.Summary, "52 and 53") {
		t.Errorf("summary %q", c.Summary)
	}
}
