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

// TestPartsConflicts: parts listed after a total that pass it, or listed
// whole and fall short, contradict it; parts that make it, or some parts
// under it, do not.
func TestPartsConflicts(t *testing.T) {
	s := innerStory(t,
		"The ferry carried 58 people: 50 passengers and nine crew members.",
		"The ferry carried 59 people: 50 passengers and nine crew members.",
		"Kessel lost 12 boats, including seven fishing boats and six sailing boats, in the storm.",
		"Kessel lost 12 boats, including seven trawlers, in the storm. The port has 40 berths: 30 for trawlers and five for ferries.",
		"The fund raised $90 million, including $40 million in cash and $20 million in bonds.")
	cs := s.partsConflicts()
	var got []string
	for _, c := range cs {
		if c.Label != parallax.LabelSelfContradiction || len(c.Sides) != 2 || c.Sides[0][0].Article != c.Sides[1][0].Article {
			t.Errorf("conflict %+v: want a self-contradiction within one article", c)
		}
		got = append(got, c.Sides[0][0].Article+" "+c.Subject)
	}
	want := []string{"a1 58 people", "a3 12 boats", "a4 40 berths"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("parts conflicts %q, want %q", got, want)
	}
}
