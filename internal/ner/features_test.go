package ner

import "testing"

func TestShapeFoldAffixes(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"McDonald's", "XxXx'x"}, {"U.N.", "X.X."}, {"1996-08-30", "d-d-d"}, {"Velmora", "Xx"}, {"NATO", "X"}, {"é", "x"},
	} {
		if got := string(shape(nil, tt.in)); got != tt.want {
			t.Errorf("shape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := fold("Renko’s"); got != "renko's" {
		t.Errorf("fold = %q", got)
	}
	// Affix lengths count bytes, widened to whole characters.
	if got := suffix("señor", 3); got != "ñor" {
		t.Errorf("suffix = %q", got)
	}
	if got := prefix("ñandú", 3); got != "ña" {
		t.Errorf("prefix = %q", got)
	}
}

// The sentence view finds capitalised runs across connectors and gazetteer phrases.
func TestSentenceLoad(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	var s sentence
	s.load([]string{"the", "Bank", "of", "Velmora", "met", "in", "New", "York"}, lex)
	if s.runStart[1] != 1 || s.runEnd[1] != 4 || s.runHead[1] != 3 {
		t.Errorf("run of Bank: %d–%d head %d, want 1–4 head 3", s.runStart[1], s.runEnd[1], s.runHead[1])
	}
	if s.runStart[4] != -1 {
		t.Errorf("met is in a run")
	}
	if s.gaz[6] == 0 || s.gaz[7] == 0 || s.gaz[6]&1 != 1 {
		t.Errorf("New York not matched as a phrase: %v", s.gaz)
	}
	s.load([]string{"LEE", "TAMBIÉN", "LAS", "NOTICIAS"}, lex)
	if !s.headline {
		t.Error("all-capitals sentence not seen as a heading")
	}
}

func TestAfterTitles(t *testing.T) {
	lex, err := lexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		words []string
		want  int
	}{
		{[]string{"Prime", "Minister", "Halvard", "Renko"}, 2},
		{[]string{"Mr.", "Renko"}, 1},
		{[]string{"of", "Halvard", "Renko"}, 1},
		{[]string{"Angel", "Renko"}, 0}, // a given name, though WordNet's angel is a person
		{[]string{"Anika", "Smith"}, 0}, // the last word stays
		{[]string{"President"}, 0},
	} {
		var s sentence
		s.load(tt.words, lex)
		if got := s.afterTitles(0, len(tt.words)); got != tt.want {
			t.Errorf("afterTitles(%v) = %d, want %d", tt.words, got, tt.want)
		}
	}
}

func TestLexTable(t *testing.T) {
	m := map[uint64]uint32{0: 7, 1: 11, 17: 13, 33: 17, 1 << 40: 19, hstr("velmora"): 23}
	lt := newLexTable(m)
	// keys 1, 17 and 33 share a home slot in a 16-slot table: probing must
	// walk past each other
	for _, k := range []uint64{0, 1, 17, 33, 49, 2, 1 << 40, hstr("velmora"), hstr("absent")} {
		if got, want := lt.get(k), m[k]; got != want {
			t.Errorf("get(%#x) = %d, want %d", k, got, want)
		}
	}
}
