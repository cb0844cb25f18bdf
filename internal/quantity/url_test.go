package quantity

import "testing"

// The numbers of a web address are no figures.
func TestFindNotInURL(t *testing.T) {
	text := "http : / / www . ferries . example / kessel / 412 passengers\nThe ferry carried 212 passengers."
	qs := Find(text, "en")
	if len(qs) != 1 || qs[0].Text != "212 passengers" {
		t.Errorf("Find(%q) = %+v, want only \"212 passengers\"", text, qs)
	}
}
