package ner_test

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/parallaxnews/parallax/internal/ner"
)

// tokens splits fictional text on spaces, keeping byte offsets.
func tokens(text string) []ner.Token {
	var out []ner.Token
	pos := 0
	for _, w := range strings.Split(text, " ") {
		if w != "" {
			out = append(out, ner.Token{Text: w, Start: pos, End: pos + len(w)})
		}
		pos += len(w) + 1
	}
	return out
}

func model(t testing.TB) *ner.Model {
	t.Helper()
	m, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Fictional sentences: people, organisations and places that exist nowhere,
// typed from their shape, their heads and their context.
func TestTagFictional(t *testing.T) {
	m := model(t)
	tests := []struct {
		text string
		want map[string]string // name → type
	}{
		{"Minister Halvard Renko of the Ministry of Coastal Affairs said on Tuesday that the port of Velmora would reopen .",
			map[string]string{"Ministry of Coastal Affairs": "ORG", "Velmora": "LOC"}},
		{"Renko told reporters in Paris that the Velmoran Shipping Corporation had agreed to pay .",
			map[string]string{"Paris": "LOC", "Velmoran Shipping Corporation": "ORG"}},
		{"The Northbridge University study was led by Professor Anika Sorel .",
			map[string]string{"Northbridge University": "ORG", "Anika Sorel": "PER"}},
		{"Sara Lindqvist , a spokeswoman for Korvath Industries , said the plant in Ohio would close .",
			map[string]string{"Sara Lindqvist": "PER", "Korvath Industries": "ORG", "Ohio": "LOC"}},
		{"Officials from the European Union met in Geneva on Monday .",
			map[string]string{"European Union": "ORG", "Geneva": "LOC"}},
	}
	for _, tt := range tests {
		text := tt.text
		got := map[string]string{}
		for _, sp := range m.Tag(tokens(text)) {
			got[text[sp.Start:sp.End]] = sp.Type
		}
		for name, typ := range tt.want {
			if got[name] != typ {
				t.Errorf("Tag(%q): %q typed %q, want %q (all: %v)", text, name, got[name], typ, got)
			}
		}
	}
}

// Sentence-initial ordinary words, pronouns and weekdays are not names.
func TestTagNoNames(t *testing.T) {
	m := model(t)
	for _, text := range []string{
		"Similarly , I am not sure that it will rain .",
		"However , the committee met again on Monday .",
		"They said the price of bread had risen .",
	} {
		if sp := m.Tag(tokens(text)); len(sp) != 0 {
			t.Errorf("Tag(%q) = %+v, want no names", text, sp)
		}
	}
}

func TestSpanOffsetsAndConfidence(t *testing.T) {
	m := model(t)
	text := "Talks between Anika Sorel and Korvath Industries ended ."
	sp := m.Tag(tokens(text))
	if len(sp) == 0 {
		t.Fatalf("Tag(%q): no names", text)
	}
	for _, s := range sp {
		if s.TokEnd <= s.TokStart || s.End <= s.Start || s.Conf <= 0 || s.Conf > 1 {
			t.Errorf("bad span %+v", s)
		}
		if got := text[s.Start:s.End]; strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
			t.Errorf("span %+v covers %q", s, got)
		}
	}
	if got := m.Tag(nil); got != nil {
		t.Errorf("Tag(nil) = %v, want nil", got)
	}
}

// Loading is deterministic: two loads of the same bytes tag alike, and the
// embedded model is loaded once.
func TestLoadDeterministic(t *testing.T) {
	a, b := model(t), model(t)
	if a != b {
		t.Error("Default returned two models")
	}
	raw, err := os.ReadFile("model.bin")
	if err != nil {
		t.Fatal(err)
	}
	c, err := ner.Load(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"Minister Halvard Renko of the Ministry of Coastal Affairs said on Tuesday that the port of Velmora would reopen .",
		"Sara Lindqvist , a spokeswoman for Korvath Industries , said the plant in Ohio would close .",
	} {
		w := strings.Fields(text)
		if x, y := strings.Join(a.TagWords(w), " "), strings.Join(c.TagWords(w), " "); x != y {
			t.Errorf("two loads differ on %q:\n%s\n%s", text, x, y)
		}
	}
}

func TestLoadRejectsBadInput(t *testing.T) {
	for name, in := range map[string][]byte{
		"not gzip": []byte("hello"),
		"empty":    nil,
	} {
		if _, err := ner.Load(bytes.NewReader(in)); err == nil {
			t.Errorf("Load(%s): no error", name)
		}
	}
	raw, err := os.ReadFile("model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ner.Load(bytes.NewReader(raw[:len(raw)/2])); err == nil {
		t.Error("Load(truncated model): no error")
	}
}

func TestConcurrentTag(t *testing.T) {
	m := model(t)
	texts := []string{
		"Minister Halvard Renko of the Ministry of Coastal Affairs said on Tuesday that the port of Velmora would reopen .",
		"Sara Lindqvist , a spokeswoman for Korvath Industries , said the plant in Ohio would close .",
		"The Northbridge University study was led by Professor Anika Sorel .",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = strings.Join(m.TagWords(strings.Fields(s)), " ")
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(texts)
				if got := strings.Join(m.TagWords(strings.Fields(texts[i])), " "); got != want[i] {
					errs <- got
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Tag differs: %s", e)
	}
}

func TestLexicon(t *testing.T) {
	tests := []struct {
		word, class string
		common      bool
	}{
		{"minister", "noun.person", true},
		{"Ministry", "noun.group", true},
		{"city", "noun.location", true},
		{"bridge", "noun.artifact", true},
		{"Similarly", "", true},
		{"Velmora", "", false},
	}
	for _, tt := range tests {
		if got := ner.NounClass(tt.word); got != tt.class {
			t.Errorf("NounClass(%q) = %q, want %q", tt.word, got, tt.class)
		}
		if got := ner.Common(tt.word); got != tt.common {
			t.Errorf("Common(%q) = %v, want %v", tt.word, got, tt.common)
		}
	}
}

// A fictional news paragraph of about 2,000 characters, tagged sentence by sentence.
var benchText = strings.Repeat("Minister Halvard Renko of the Ministry of Coastal Affairs said on Tuesday that the port of Velmora would reopen next month . "+
	"Sara Lindqvist , a spokeswoman for Korvath Industries , said the plant in Ohio would close by the end of the year , putting 300 jobs at risk . "+
	"The Northbridge University study , led by Professor Anika Sorel , found that prices had risen by 4.5 percent since January . ", 5)

func BenchmarkTag(b *testing.B) {
	m := model(b)
	var sents [][]ner.Token
	n := 0
	for _, s := range strings.SplitAfter(benchText, " . ") {
		if t := tokens(strings.TrimSpace(s)); len(t) > 0 {
			sents = append(sents, t)
			n += len(t)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			m.Tag(s)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func TestTagTypedTypesGivenRanges(t *testing.T) {
	m := model(t)
	words := strings.Fields("Yesterday the Quistborough City Council met in Calloway .")
	var toks []ner.Token
	for _, w := range words {
		toks = append(toks, ner.Token{Text: w})
	}
	names, typed := m.TagTyped(toks, [][2]int{{2, 5}, {7, 8}, {9, 3}})
	if len(names) == 0 {
		t.Fatalf("TagTyped found no names in %q", words)
	}
	if len(typed) != 3 {
		t.Fatalf("typed %d ranges, want 3", len(typed))
	}
	if typed[0].Type != "ORG" || typed[1].Type != "LOC" {
		t.Errorf("typed %q as %s and %q as %s, want ORG and LOC", "Quistborough City Council", typed[0].Type, "Calloway", typed[1].Type)
	}
	if typed[2].Type != "" {
		t.Errorf("an empty range got the type %q", typed[2].Type)
	}
}

// TestTypeRangesMatchesTagTyped: typing without segmenting gives what
// TagTyped gives for the same ranges.
func TestTypeRangesMatchesTagTyped(t *testing.T) {
	m := model(t)
	words := strings.Fields("Yesterday the Quistborough City Council met Ivo Marrant in Calloway .")
	var toks []ner.Token
	for _, w := range words {
		toks = append(toks, ner.Token{Text: w})
	}
	ranges := [][2]int{{2, 5}, {6, 8}, {9, 10}, {9, 3}}
	_, want := m.TagTyped(toks, ranges)
	got := m.TypeRanges(toks, ranges)
	if len(got) != len(want) {
		t.Fatalf("TypeRanges typed %d ranges, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Type != want[i].Type || got[i].Conf != want[i].Conf {
			t.Errorf("range %v: TypeRanges %s %.3f, TagTyped %s %.3f", ranges[i], got[i].Type, got[i].Conf, want[i].Type, want[i].Conf)
		}
	}
	if got[1].Type != "PER" {
		t.Errorf("%q typed %s, want PER", "Ivo Marrant", got[1].Type)
	}
	if m.TypeRanges(toks, nil) != nil {
		t.Error("no ranges typed something")
	}
}
