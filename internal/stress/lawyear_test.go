package stress

import (
	"math/rand/v2"
	"testing"
)

// A year written into the name of a thing that is no law ("a 1994 meeting
// with the dam's builders") is injected, and the pipeline finds it with
// both outlets' words.
func TestNamedYearOnFixture(t *testing.T) {
	s := fixtureStory()
	sc := fixtureCtx(t)
	found := 0
	for _, inj := range sc.inject(KindLawYear, rand.New(rand.NewPCG(3, 3)), 20) {
		if inj.Before != "1994" {
			continue
		}
		checkInjection(t, s, inj)
		if got := inj.Counterparts[0].Text; got != "1994 meeting" {
			t.Errorf("counterpart %q, want %q", got, "1994 meeting")
		}
		base := conflictsOf(s.Articles)
		if o, _ := Match(inj, conflictsOf(perturbed(s.Articles, inj)), base); o != Found {
			t.Errorf("%s: %q → %q %s", inj.Article, inj.Before, inj.After, o)
		}
		found++
	}
	if found == 0 {
		t.Fatal("the meeting's year was never injected")
	}
}
