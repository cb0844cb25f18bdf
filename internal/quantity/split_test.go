package quantity

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestSplitPiece(t *testing.T) {
	for _, c := range []struct {
		text, fig string
		want      bool
	}{
		{"served 41 / 2 months in prison", "2 months", true},
		{"a 2 . 7 GHz chip", "7 GHz", true},
		{"starts at $2 , 199 for the base model", "$2", true},
		{"worth $ 2 . 5 billion", "$ 2", true},
		{"a 4 . 6 magnitude quake", "6 magnitude", true},
		{"killing 170 , 000 people", "170", true},
		// a year ending a tokenised sentence, and a list
		{"opened in 2010 . 7 people died", "7 people", false},
		{"killed 10 , 80 injured", "80 injured", false},
		{"killed 10 people .", "10 people", false},
		{"a 4.6 magnitude quake", "4.6 magnitude", false},
	} {
		i := strings.Index(c.text, c.fig)
		if got := SplitPiece(c.text, parallax.Span{Start: i, End: i + len(c.fig)}); got != c.want {
			t.Errorf("%q in %q: got %v", c.fig, c.text, got)
		}
	}
}
