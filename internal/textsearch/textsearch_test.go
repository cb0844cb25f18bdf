package textsearch

import (
	"fmt"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"harbor bridge", "[{[harbor] false} {[bridge] false}]"},
		{`"harbor bridge" velmora`, "[{[harbor bridge] false} {[velmora] false}]"},
		{"evacuat*", "[{[evacuat] true}]"},
		{"3.5 million", "[{[3 5] false} {[million] false}]"},
		{"U.S.", "[{[U S] false}]"},
		{"*bridge", "[{[bridge] false}]"},
		{`"harbor bri*"`, "[{[harbor bri] false}]"},
		{"«мост»", "[{[мост] false}]"},
		{"'; DROP TABLE x; --", "[{[DROP] false} {[TABLE] false} {[x] false}]"},
	} {
		terms, err := Parse(c.in)
		if got := fmt.Sprint(terms); err != nil || got != c.want {
			t.Errorf("Parse(%q) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", "  ", `"`, "*", "()", "🌉"} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q): no error", in)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Brücke": "brucke", "BRÜCKE": "brucke", "Мост": "мост", "Ça": "ca", "harbor": "harbor", "Ångström": "angstrom"} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Folded("The Brücke, «мост» 3.5!", 0); got != "the brucke мост 3 5" {
		t.Errorf("Folded = %q", got)
	}
	if got := Folded("one two three", 8); got != "one two" {
		t.Errorf("Folded(max 8) = %q", got)
	}
}

func TestSnippet(t *testing.T) {
	text := "One two three four five six seven eight nine ten. Inspectors found a crack in the beam, eleven twelve thirteen fourteen fifteen sixteen seventeen."
	terms, _ := Parse("inspect*")
	got := Snippet(text, terms, 6)
	if got != "…eight nine ten. Inspectors found a…" {
		t.Errorf("Snippet = %q", got)
	}
	terms, _ = Parse("absent")
	if got := Snippet(text, terms, 3); got != "One two three…" {
		t.Errorf("Snippet(no match) = %q", got)
	}
	if got := Snippet("short text", terms, 16); got != "short text" {
		t.Errorf("Snippet(short) = %q", got)
	}
}
