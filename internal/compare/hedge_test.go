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
