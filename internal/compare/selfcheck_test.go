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

// TestDropRedundant: a conflict that cites some of another's words with
// the same outlets on the same sides is dropped; one about other words
// between the same outlets stays.
func TestDropRedundant(t *testing.T) {
	ev := func(art string, start int) parallax.Evidence {
		return parallax.Evidence{Article: art, Start: start, End: start + 10}
	}
	body := parallax.Conflict{Kind: "quantity", Subject: "Figure for person",
		Sides: [][]parallax.Evidence{{ev("a1", 0), ev("a2", 50)}, {ev("a3", 0)}}}
	headline := parallax.Conflict{Kind: "quantity", Subject: "Figure for person",
		Sides: [][]parallax.Evidence{{ev("a3", 0)}, {ev("a2", 0)}}}
	other := parallax.Conflict{Kind: "quantity", Subject: "Figure for person",
		Sides: [][]parallax.Evidence{{ev("a1", 200)}, {ev("a3", 300)}}}
	got := dropRedundant([]parallax.Conflict{body, headline, other})
	if len(got) != 2 || got[0].Sides[1][0].Article != "a3" || got[1].Sides[0][0].Start != 200 {
		t.Errorf("dropRedundant kept %+v, want the body's conflict and the other words'", got)
	}
}

// TestBothDatesInOneSentence: a sentence giving two dates of the story
// tells two happenings; an outlet giving the earlier alone does not
// dispute the later.
func TestBothDatesInOneSentence(t *testing.T) {
	texts := []string{
		"Ivo Quist, a Kessel banker, died on Saturday, March 7, 2026, at a hotel in Dunmore.",
		"Quist's body was found on Tuesday, March 10, 2026, by a maid at the Dunmore hotel.",
		"His body was found by a maid on March 10, 2026, at the Dunmore hotel, but the coroner said Quist died on March 7, 2026.",
		"The body of Ivo Quist was found on Tuesday, March 10, 2026, at a Dunmore hotel.",
	}
	for _, c := range storyOf(t, texts...).Conflicts {
		if c.Kind == "date" {
			t.Errorf("date conflict %q: the story holds both days", c.Summary)
		}
	}
}
