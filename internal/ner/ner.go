// Package ner finds and types names in English text, in two steps over the
// tokens of one sentence: an averaged perceptron segments names with
// B/I/O labels, left to right, reading word forms, shapes, affixes, the two
// previous labels and word classes from WordNet and gazetteers
// (lexicon.go); a second averaged perceptron types each name found as PER,
// ORG, LOC or MISC from all its words, its head, its context and the
// lexicon. Segmenting untyped keeps doubt about a type from hiding a name.
//
// The weights (model.bin) are trained by ./train on openly licensed
// annotations only; LICENSES.md says which and under what terms.
package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"sync"
)

// Token is one token of a sentence. Start and End are byte offsets into the
// text the caller tokenised; the tagger reads only Text.
type Token struct {
	Text       string
	Start, End int
}

// Span is a name found in a sentence.
type Span struct {
	TokStart, TokEnd int     // token indexes, TokEnd exclusive
	Start, End       int     // byte offsets: Start of the first token, End of the last
	Type             string  // PER, ORG, LOC or MISC
	Conf             float32 // 0–1: the lower of the segmenter's and the typer's probabilities

	segA, segB int     // the segmenter's extent, before titles are cut off
	typP       float32 // the typer's probability
}

// Types are the entity types the tagger gives.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// Segment labels.
const (
	segO = iota
	segB
	segI
	nSeg
)

const width = 4 // weights per feature: max(nSeg, len(Types))

// allowed reports whether segment label l may follow label prev.
func allowed(prev, l int) bool { return l != segI || prev != segO }

//go:embed model.bin
var modelBin []byte

var (
	defOnce  sync.Once
	defModel *Model
	defErr   error
)

// Default returns the embedded model, loaded once. It is safe for concurrent use.
func Default() (*Model, error) {
	defOnce.Do(func() {
		defModel, defErr = Load(bytes.NewReader(modelBin))
		if defErr != nil {
			defErr = fmt.Errorf("ner: embedded model.bin: %w", defErr)
		}
	})
	return defModel, defErr
}

// Model is a trained tagger. Its methods are safe for concurrent use.
type Model struct {
	seg, typ table
	lex      *lexTable
	pool     sync.Pool // *state
}

type state struct {
	s      sentence
	fs     []uint64
	words  []string
	labels []int
	probs  []float32
}

func (m *Model) get() *state {
	if st, ok := m.pool.Get().(*state); ok {
		return st
	}
	return &state{fs: make([]uint64, 0, 128)}
}

// Tag finds the names in one sentence.
func (m *Model) Tag(toks []Token) []Span {
	if len(toks) == 0 {
		return nil
	}
	st := m.get()
	defer m.pool.Put(st)
	st.words = st.words[:0]
	for _, t := range toks {
		st.words = append(st.words, t.Text)
	}
	sp := m.tag(st, st.words)
	for i := range sp {
		sp[i].Start, sp[i].End = toks[sp[i].TokStart].Start, toks[sp[i].TokEnd-1].End
	}
	return sp
}

// TagWords is Tag for bare words, returning one BIO label per word
// ("B-PER", "I-PER", "O").
func (m *Model) TagWords(words []string) []string {
	st := m.get()
	defer m.pool.Put(st)
	out := make([]string, len(words))
	for i := range out {
		out[i] = "O"
	}
	for _, sp := range m.tag(st, words) {
		out[sp.TokStart] = "B-" + sp.Type
		for i := sp.TokStart + 1; i < sp.TokEnd; i++ {
			out[i] = "I-" + sp.Type
		}
	}
	return out
}

// TagTyped is Tag that also types, with the typer alone, the names the
// caller found itself: ranges are token ranges [start, end) of toks, and
// typed holds one Span per range, in order (Conf the typer's probability).
func (m *Model) TagTyped(toks []Token, ranges [][2]int) (names, typed []Span) {
	if len(toks) == 0 {
		return nil, nil
	}
	st := m.get()
	defer m.pool.Put(st)
	st.words = st.words[:0]
	for _, t := range toks {
		st.words = append(st.words, t.Text)
	}
	names = m.tag(st, st.words)
	for i := range names {
		names[i].Start, names[i].End = toks[names[i].TokStart].Start, toks[names[i].TokEnd-1].End
	}
	typed = make([]Span, 0, len(ranges))
outer:
	for _, r := range ranges {
		i, j := r[0], r[1]
		if i < 0 || j > len(toks) || i >= j {
			typed = append(typed, Span{TokStart: i, TokEnd: j})
			continue
		}
		for _, n := range names {
			if n.segA == i && n.segB == j { // typed already
				typed = append(typed, Span{TokStart: i, TokEnd: j, Start: toks[i].Start, End: toks[j-1].End, Type: n.Type, Conf: n.typP})
				continue outer
			}
		}
		st.fs = st.s.spanFeatures(st.fs[:0], i, j)
		var sc [width]float32
		m.typ.score(st.fs, &sc)
		t, p := argmax(&sc, len(Types), func(int) bool { return true })
		typed = append(typed, Span{TokStart: i, TokEnd: j, Start: toks[i].Start, End: toks[j-1].End, Type: Types[t], Conf: p})
	}
	return names, typed
}

// TypeRanges types, with the typer alone, names the caller found itself
// (token ranges [start, end) of toks), without segmenting the sentence:
// the cheap half of TagTyped, for names whose extent is not in doubt.
func (m *Model) TypeRanges(toks []Token, ranges [][2]int) []Span {
	if len(toks) == 0 || len(ranges) == 0 {
		return nil
	}
	st := m.get()
	defer m.pool.Put(st)
	st.words = st.words[:0]
	for _, t := range toks {
		st.words = append(st.words, t.Text)
	}
	st.s.load(st.words, m.lex)
	typed := make([]Span, 0, len(ranges))
	for _, r := range ranges {
		i, j := r[0], r[1]
		if i < 0 || j > len(toks) || i >= j {
			typed = append(typed, Span{TokStart: i, TokEnd: j})
			continue
		}
		st.fs = st.s.spanFeatures(st.fs[:0], i, j)
		var sc [width]float32
		m.typ.score(st.fs, &sc)
		t, p := argmax(&sc, len(Types), func(int) bool { return true })
		typed = append(typed, Span{TokStart: i, TokEnd: j, Start: toks[i].Start, End: toks[j-1].End, Type: Types[t], Conf: p})
	}
	return typed
}

func (m *Model) tag(st *state, words []string) []Span {
	st.s.load(words, m.lex)
	st.labels, st.probs = m.segment(st, st.labels[:0], st.probs[:0])
	var out []Span
	for i := 0; i < len(st.labels); {
		if st.labels[i] == segO {
			i++
			continue
		}
		j := i + 1
		conf := st.probs[i]
		for j < len(st.labels) && st.labels[j] == segI {
			conf = min(conf, st.probs[j])
			j++
		}
		st.fs = st.s.spanFeatures(st.fs[:0], i, j)
		var sc [width]float32
		m.typ.score(st.fs, &sc)
		t, p := argmax(&sc, len(Types), func(int) bool { return true })
		a := i
		if Types[t] == "PER" {
			a = st.s.afterTitles(i, j)
		}
		if a < j {
			out = append(out, Span{TokStart: a, TokEnd: j, Type: Types[t], Conf: min(conf, p), segA: i, segB: j, typP: p})
		}
		i = j
	}
	return out
}

func (m *Model) segment(st *state, labels []int, probs []float32) ([]int, []float32) {
	p1, p2 := -1, -1
	for i := 0; i < st.s.n; i++ {
		// a token with no capital outside a name starts none in edited
		// text: skipping it saves most of the scoring
		if p1 <= segO && st.s.plain[i] {
			labels = append(labels, segO)
			probs = append(probs, 1)
			p2, p1 = p1, segO
			continue
		}
		st.fs = st.s.static(st.fs[:0], i)
		st.fs = st.s.dynamic(st.fs, i, p1, p2)
		var sc [width]float32
		m.seg.score(st.fs, &sc)
		prev := max(p1, 0)
		best, p := argmax(&sc, nSeg, func(l int) bool { return allowed(prev, l) })
		labels = append(labels, best)
		probs = append(probs, p)
		p2, p1 = p1, best
	}
	return labels, probs
}

// argmax returns the best of the first n labels that ok allows and its
// softmax probability among them.
func argmax(sc *[width]float32, n int, ok func(int) bool) (int, float32) {
	best := -1
	for l := 0; l < n; l++ {
		if ok(l) && (best < 0 || sc[l] > sc[best]) {
			best = l
		}
	}
	var z float64
	for l := 0; l < n; l++ {
		if ok(l) {
			z += math.Exp(float64(sc[l] - sc[best]))
		}
	}
	return best, float32(1 / z)
}
