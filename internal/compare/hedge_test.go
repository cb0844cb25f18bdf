package compare

import "testing"

// TestStatesPossibility: a sentence that says what may be asserts nothing;
// the month May and a modal inside a quotation do not count.
func TestStatesPossibility(t *testing.T) {
	s := innerStory(t, "Investigators say the shed could have been set alight by a vandal. "+
		"The hall burned on 3 May. "+
		"“It might rain,” she said, and the fire was set by an arsonist.")
	want := []bool{true, false, false}
	if len(s.units) != len(want) {
		t.Fatalf("%d sentences, want %d", len(s.units), len(want))
	}
	for i, u := range s.units {
		if got := statesPossibility(u); got != want[i] {
			t.Errorf("%q: statesPossibility = %v, want %v", u.span.Of(u.art.Article.Text), got, want[i])
		}
	}
}

// TestEarlierAccusation: an accusation in an earlier case, told in other
// words, is no hedge against another outlet's plain word of guilt; the same
// deed told in other words still is.
func TestEarlierAccusation(t *testing.T) {
	for _, c := range []struct {
		hedged string
		want   bool
	}{
		{"Court records show a previous arrest in which Dorn Vale was accused of theft from a shop.", false},
		{"Dorn Vale is accused of opening the wrong valve at the plant.", true},
	} {
		s := innerStory(t, "The arsonist Dorn Vale started the warehouse blaze, police said.", c.hedged)
		got := false
		for _, k := range s.personConflicts() {
			if k.Kind == "characterization" {
				got = true
			}
		}
		if got != c.want {
			t.Errorf("%q: characterization conflict = %v, want %v", c.hedged, got, c.want)
		}
	}
}

// TestRecordNotDeed: "convicted arsonist" is a record; an accusation of
// another deed is no hedge against it. The same crime named, or the deed
// the record's sentence tells, still is.
func TestRecordNotDeed(t *testing.T) {
	for _, c := range []struct {
		asserted, hedged string
		want             bool
	}{
		{"Convicted arsonist Dorn Vale escaped from a van on Monday after pulling a knife on two guards.",
			"Dorn Vale is accused of using a knife that was smuggled in to him for the escape.", false},
		{"Convicted arsonist Dorn Vale escaped from a van on Monday after pulling a knife on two guards.",
			"Dorn Vale is accused of arson at the warehouse and escaped on Monday.", true},
		{"The convicted arsonist Dorn Vale set fire to the warehouse on Monday, the court heard.",
			"Dorn Vale is accused of setting fire to the warehouse on Monday.", true},
	} {
		// the accusation written after the record's article, so that the
		// case's stages do not explain it
		st := storyAt(t, [2]string{"2031-03-02T10:00:00Z", c.asserted}, [2]string{"2031-03-05T10:00:00Z", c.hedged})
		if got := len(conflictsOfKind(st, "characterization")) > 0; got != c.want {
			t.Errorf("%q / %q: characterization conflict = %v, want %v", c.asserted, c.hedged, got, c.want)
		}
	}
}
