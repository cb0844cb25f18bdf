package nercorpus

import (
	"fmt"
	"io"
	"strings"
)

// Scored are the types scored by default: MISC is left out because corpora
// disagree on what it holds.
var Scored = []string{"PER", "ORG", "LOC"}

// Counts are entity-level exact-match counts for one type.
type Counts struct{ TP, FP, FN int }

func (c Counts) P() float64  { return ratio(c.TP, c.TP+c.FP) }
func (c Counts) R() float64  { return ratio(c.TP, c.TP+c.FN) }
func (c Counts) F1() float64 { p, r := c.P(), c.R(); return ratio2(2*p*r, p+r) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func ratio2(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}

// Score holds counts per type and over all scored types, plus how often a
// gold entity was found with the right boundaries but another type.
type Score struct {
	ByType   map[string]*Counts
	All      Counts
	WrongTyp int // gold spans found exactly but typed otherwise
	Untyped  Counts
}

// NewScore starts an empty score.
func NewScore() *Score {
	s := &Score{ByType: map[string]*Counts{}}
	for _, t := range Scored {
		s.ByType[t] = &Counts{}
	}
	return s
}

// Add scores one sentence's predicted labels against its gold labels.
func (s *Score) Add(gold, pred []string) {
	g := keep(Spans(gold))
	p := keep(Spans(pred))
	gset := map[Span]bool{}
	gbound := map[[2]int]bool{}
	for _, x := range g {
		gset[x] = true
		gbound[[2]int{x.Start, x.End}] = true
	}
	pset := map[Span]bool{}
	pbound := map[[2]int]string{}
	for _, x := range p {
		pset[x] = true
		pbound[[2]int{x.Start, x.End}] = x.Type
		if gset[x] {
			s.ByType[x.Type].TP++
			s.All.TP++
		} else {
			s.ByType[x.Type].FP++
			s.All.FP++
		}
		if gbound[[2]int{x.Start, x.End}] {
			s.Untyped.TP++
		} else {
			s.Untyped.FP++
		}
	}
	for _, x := range g {
		if !pset[x] {
			s.ByType[x.Type].FN++
			s.All.FN++
			if t, ok := pbound[[2]int{x.Start, x.End}]; ok && t != x.Type {
				s.WrongTyp++
			}
		}
		if _, ok := pbound[[2]int{x.Start, x.End}]; !ok {
			s.Untyped.FN++
		}
	}
}

func keep(sp []Span) []Span {
	out := sp[:0]
	for _, x := range sp {
		for _, t := range Scored {
			if x.Type == t {
				out = append(out, x)
				break
			}
		}
	}
	return out
}

// Write prints a table of P/R/F1 per type and overall.
func (s *Score) Write(w io.Writer, name string) {
	fmt.Fprintf(w, "%s\n", name)
	row := func(label string, c Counts) {
		fmt.Fprintf(w, "  %-8s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)\n", label, c.P(), c.R(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range Scored {
		row(t, *s.ByType[t])
	}
	row("typed", s.All)
	row("untyped", s.Untyped)
	fmt.Fprintf(w, "  gold spans found with the wrong type: %d\n", s.WrongTyp)
}

// String is the one-line summary.
func (s *Score) String() string {
	var b strings.Builder
	for _, t := range Scored {
		fmt.Fprintf(&b, "%s %.3f  ", t, s.ByType[t].F1())
	}
	fmt.Fprintf(&b, "typed F1 %.3f (P %.3f R %.3f)", s.All.F1(), s.All.P(), s.All.R())
	return b.String()
}

// Evaluate tags every sentence with tag and scores it.
func Evaluate(sents []Sentence, tag func(words []string) []string) *Score {
	s := NewScore()
	for _, x := range sents {
		s.Add(x.Tags, tag(x.Words))
	}
	return s
}
