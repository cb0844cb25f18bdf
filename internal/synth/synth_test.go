package synth

import (
	"strings"
	"testing"
)

func TestCorpusDeterministic(t *testing.T) {
	a := Corpus(Options{Articles: 50, Seed: 7})
	b := Corpus(Options{Articles: 50, Seed: 7})
	c := Corpus(Options{Articles: 50, Seed: 8})
	if len(a) != 50 {
		t.Fatalf("%d articles, want 50", len(a))
	}
	same := true
	for i := range a {
		if a[i].Text != b[i].Text {
			t.Fatalf("article %d differs between two runs with one seed", i)
		}
		if a[i].Text != c[i].Text {
			same = false
		}
		if a[i].ID == "" || a[i].Outlet == "" || a[i].Published.IsZero() {
			t.Errorf("article %d lacks id, outlet or date: %+v", i, a[i])
		}
		if !strings.HasPrefix(a[i].Text, a[i].Title) {
			t.Errorf("article %d does not start with its headline", i)
		}
	}
	if same {
		t.Error("another seed gave the same corpus")
	}
	// outlets of one event tell it in different words
	if a[0].Text == a[1].Text {
		t.Error("two outlets wrote the same article")
	}
}
