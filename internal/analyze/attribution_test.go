package analyze

import (
	"testing"

	"github.com/parallaxnews/parallax"
)

// TestAttributions: the source beside a verb of saying is marked whole, a
// name the entity rules may split included; a name that is not beside the
// verb is not a source.
func TestAttributions(t *testing.T) {
	text := "Nine people were hurt, Dunmore Fire and Rescue said. " +
		"The blaze began in the kitchen, according to Harlow County Police. " +
		"“We were lucky,” said Mira Castell. " +
		"Omar Venn visited the site on Friday."
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: text, Language: "en"})
	var got []string
	for _, s := range a.Signals {
		if s.Kind == "attribution" {
			got = append(got, s.Text)
		}
	}
	want := []string{"Dunmore Fire and Rescue said", "according to Harlow County Police", "said Mira Castell"}
	if len(got) != len(want) {
		t.Fatalf("attributions %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("attribution %d = %q, want %q", i, got[i], want[i])
		}
	}
}
