// Package ner finds and types names in English text: an averaged perceptron
// that tags the tokens of one sentence left to right with BIO labels over
// PER, ORG, LOC and MISC, reading word forms, shapes, affixes, the two
// previous labels and word classes from WordNet and gazetteers (lexicon.go).
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
	Conf             float32 // the lowest per-token probability along the span (0–1)
}

// Types are the entity types the tagger gives.
var Types = []string{"PER", "ORG", "LOC", "MISC"}

// labels: 0 is O, then B-T, I-T for each type in Types.
const nLabels = 9

func labelName(l int) string {
	if l == 0 {
		return "O"
	}
	if l%2 == 1 {
		return "B-" + Types[(l-1)/2]
	}
	return "I-" + Types[(l-1)/2]
}

func labelType(l int) int { return (l - 1) / 2 }

// allowed reports whether label l may follow label prev (I-T only after B-T or I-T).
func allowed(prev, l int) bool {
	if l == 0 || l%2 == 1 {
		return true
	}
	return prev == l || prev == l-1
}

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
	temp float32 // softmax temperature for pick
	tab  table
	lex  map[uint64]uint32
	pool sync.Pool // *state
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
	return &state{fs: make([]uint64, 0, 96)}
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
	st.s.load(st.words, m.lex)
	st.labels, st.probs = m.decode(st, st.labels[:0], st.probs[:0])
	return spans(toks, st.labels, st.probs)
}

// TagWords is Tag for bare words, returning one BIO label per word.
func (m *Model) TagWords(words []string) []string {
	st := m.get()
	defer m.pool.Put(st)
	st.s.load(words, m.lex)
	st.labels, st.probs = m.decode(st, st.labels[:0], st.probs[:0])
	out := make([]string, len(words))
	for i, l := range st.labels {
		out[i] = labelName(l)
	}
	return out
}

func (m *Model) decode(st *state, labels []int, probs []float32) ([]int, []float32) {
	var sc [nLabels]float32
	p1, p2 := -1, -1
	for i := 0; i < st.s.n; i++ {
		st.fs = st.s.static(st.fs[:0], i, false)
		st.fs = st.s.dynamic(st.fs, i, p1, p2, false)
		sc = [nLabels]float32{}
		for _, f := range st.fs {
			if w := m.tab.row(f); w != nil {
				for l := range sc {
					sc[l] += w[l]
				}
			}
		}
		best, p := pick(&sc, max(p1, 0), m.temp)
		labels = append(labels, best)
		probs = append(probs, p)
		p2, p1 = p1, best
	}
	return labels, probs
}

// pick chooses the label for one token. Labels are grouped as O, B-any and
// the I- that continues the current name; the group with the most
// probability mass (softmax of the scores at temperature temp) wins and
// then its best label, so that doubt between types does not make a name
// vanish. It returns the label and its probability.
func pick(sc *[nLabels]float32, prev int, temp float32) (int, float32) {
	var mx float32 = -math.MaxFloat32
	for l := 0; l < nLabels; l++ {
		if allowed(prev, l) && sc[l] > mx {
			mx = sc[l]
		}
	}
	var p [nLabels]float64
	var z, pO, pB, pI float64
	bestB, bestI := -1, -1
	for l := 0; l < nLabels; l++ {
		if !allowed(prev, l) {
			continue
		}
		p[l] = math.Exp(float64((sc[l] - mx) / temp))
		z += p[l]
		switch {
		case l == 0:
			pO = p[l]
		case l%2 == 1:
			pB += p[l]
			if bestB < 0 || sc[l] > sc[bestB] {
				bestB = l
			}
		default:
			pI += p[l]
			bestI = l
		}
	}
	switch {
	case pB > pO && pB >= pI:
		return bestB, float32(p[bestB] / z)
	case bestI >= 0 && pI > pO:
		return bestI, float32(p[bestI] / z)
	}
	return 0, float32(pO / z)
}

func spans(toks []Token, labels []int, probs []float32) []Span {
	var out []Span
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 {
			i++
			continue
		}
		in := l // the I- label that continues the span
		if l%2 == 1 {
			in = l + 1
		}
		j := i + 1
		conf := probs[i]
		for j < len(labels) && labels[j] == in {
			conf = min(conf, probs[j])
			j++
		}
		out = append(out, Span{TokStart: i, TokEnd: j, Start: toks[i].Start, End: toks[j-1].End,
			Type: Types[labelType(l)], Conf: conf})
		i = j
	}
	return out
}
