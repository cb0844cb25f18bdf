package analyze

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax"
)

// The sentences' tokens sit in one slice: each sentence's are those of
// tokenizing it alone, with no room after them that an append would take
// from the next sentence.
func TestSentTokens(t *testing.T) {
	var b strings.Builder
	for i := range 500 {
		fmt.Fprintf(&b, "Harbour master Ilse Quist’s log lists %d ships at Pier %d. ", i, i%40)
		if i%7 == 0 {
			b.WriteString("NORTH QUAY CLOSED\n")
		}
	}
	text := b.String()
	d := newDoc(text)
	if len(d.sents) < 500 {
		t.Fatalf("%d sentences, want at least 500", len(d.sents))
	}
	for si, s := range d.sents {
		got, want := d.sentTokens(si), tokenize(text, s.Span.Start, s.Span.End, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("sentence %d: tokens %v, want %v", si, got, want)
		}
		if cap(got) != len(got) {
			t.Fatalf("sentence %d: tokens have room for %d more", si, cap(got)-len(got))
		}
	}
}

// The analysis reads an article's text up to MaxText, ending at a line
// break, and says how much it left.
func TestAnalyzeBound(t *testing.T) {
	var b strings.Builder
	b.WriteString("Harbour master Ilse Quist opened the north quay.\n")
	for b.Len() < MaxText+1000 {
		b.WriteString("the tide was low and the quay was calm all day\n")
	}
	b.WriteString("Pilot Ansgar Veltmann closed the south quay.\n")
	text := b.String()
	a := (&Analyzer{}).Analyze(&parallax.Article{ID: "a1", Text: text})
	end := analysedEnd(text)
	if end > MaxText || text[end] != '\n' {
		t.Fatalf("analysis ends at %d, want a line break within %d", end, MaxText)
	}
	if a.Unanalysed != len(text)-end {
		t.Errorf("Unanalysed = %d, want %d", a.Unanalysed, len(text)-end)
	}
	if last := a.Sentences[len(a.Sentences)-1].Span; last.End > end {
		t.Errorf("last sentence %v ends beyond the bound %d", last, end)
	}
	names := map[string]bool{}
	for _, e := range a.Entities {
		names[e.Name] = true
	}
	if !names["Ilse Quist"] || names["Ansgar Veltmann"] {
		t.Errorf("entities %v: want Ilse Quist, before the bound, and not Ansgar Veltmann, after it", names)
	}
	// within MaxText, a text of more sentences stops after the last one read
	b.Reset()
	b.WriteString("Harbour master Ilse Quist opened the north quay.\n")
	for range MaxSentences + 10 {
		b.WriteString("tide low.\n")
	}
	b.WriteString("Pilot Ansgar Veltmann closed the south quay.\n")
	text = b.String()
	a = (&Analyzer{}).Analyze(&parallax.Article{ID: "a2", Text: text})
	if len(a.Sentences) != MaxSentences {
		t.Fatalf("%d sentences analysed of %d bytes, want %d", len(a.Sentences), len(text), MaxSentences)
	}
	if end := a.Sentences[MaxSentences-1].Span.End; a.Unanalysed != len(text)-end {
		t.Errorf("Unanalysed = %d, want %d, the text after sentence %d", a.Unanalysed, len(text)-end, MaxSentences)
	}
	for _, e := range a.Entities {
		if e.Name == "Ansgar Veltmann" {
			t.Errorf("found %s after the last sentence analysed", e.Name)
		}
	}
	// a text within the bounds is read whole; one of a single long line
	// stops at a rune's start
	if short := (&Analyzer{}).Analyze(&parallax.Article{Text: "Ilse Quist opened the quay."}); short.Unanalysed != 0 {
		t.Errorf("a short text: Unanalysed = %d, want 0", short.Unanalysed)
	}
	line := strings.Repeat("é", MaxText)
	if end := analysedEnd(line); end > MaxText || !utf8.RuneStart(line[end]) || end < MaxText-1 {
		t.Errorf("a line of %d bytes ends at %d", len(line), end)
	}
}
