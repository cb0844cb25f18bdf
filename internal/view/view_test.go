package view

import (
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestLocate(t *testing.T) {
	text := "Über 14 Menschen wurden verletzt. 14 again."
	cases := []struct {
		e          parallax.Evidence
		start, end int
		ok         bool
	}{
		{parallax.Evidence{Text: "14 Menschen", Start: 6, End: 17}, 6, 17, true},
		{parallax.Evidence{Text: "14 Menschen", Start: 0, End: 5}, 6, 17, true}, // offsets wrong: found by its words
		{parallax.Evidence{Text: "", Start: 6, End: 8}, 6, 8, true},
		{parallax.Evidence{Text: "", Start: 1, End: 3}, 0, 0, false}, // inside "Ü"
		{parallax.Evidence{Text: "nowhere", Start: 0, End: 7}, 0, 0, false},
		{parallax.Evidence{Text: "x", Start: 40, End: 99}, 0, 0, false},
	}
	for _, c := range cases {
		s, e, ok := Locate(text, c.e)
		if s != c.start || e != c.end || ok != c.ok {
			t.Errorf("locate(%+v) = %d, %d, %v", c.e, s, e, ok)
		}
	}
}

func TestSentenceAroundWholeSentence(t *testing.T) {
	text := "First one. The mayor said 14 were hurt, officials said. Last."
	i := strings.Index(text, "14 were hurt")
	before, after := SentenceAround(text, i, i+len("14 were hurt"), 300)
	if before != "The mayor said " || after != ", officials said." {
		t.Errorf("sentenceAround: %q / %q", before, after)
	}
	i = strings.Index(text, "First one.")
	before, after = SentenceAround(text, i, i+len("First one."), 300)
	if before != "" || after != "" {
		t.Errorf("a whole sentence: %q / %q", before, after)
	}
}
