package compare

import "testing"

// TestStatesPossibility: a sentence that says what may be asserts nothing;
// the month May and a modal inside a quotation do not count.
func TestStatesPossibility(t *testing.T) {
	s := innerStory(t, "Investigators say the blaze could be the work of an arsonist. "+
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
