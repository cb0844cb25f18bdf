package ner

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// TrainSentence is one annotated sentence.
type TrainSentence struct {
	Words []string
	Tags  []string // BIO labels over Types ("B-PER", "I-ORG", "O")
}

// TrainOptions sets up training. Start from DefaultTrainOptions.
type TrainOptions struct {
	Epochs   int    // passes over the data
	Seed     uint64 // seeds the order of sentences in each pass
	MinCount int    // segmenter features seen fewer times (with gold labels) are dropped
	// TypeMinCount is MinCount for the typer, which sees far fewer examples.
	TypeMinCount int
	Log          func(format string, args ...any)
}

// DefaultTrainOptions are the settings the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 8, Seed: 1, MinCount: 2, TypeMinCount: 1, Log: func(string, ...any) {}}
}

type trainSent struct {
	words []string
	seg   []int
	spans []typedSpan
}

type typedSpan struct{ a, b, t int }

// perceptron is an averaged perceptron with lazy averaging.
type perceptron struct {
	rows  map[uint64]int32
	keys  []uint64
	w     []float32
	tot   []float64
	ts    []int32
	clock int32
}

func newPerceptron(counts map[uint64]int32, minCount int) *perceptron {
	p := &perceptron{rows: map[uint64]int32{}}
	for f, c := range counts {
		if int(c) >= minCount {
			p.keys = append(p.keys, f)
		}
	}
	slices.Sort(p.keys)
	for i, f := range p.keys {
		p.rows[f] = int32(i)
	}
	n := len(p.keys) * width
	p.w, p.tot, p.ts = make([]float32, n), make([]float64, n), make([]int32, n)
	return p
}

func (p *perceptron) score(fs []uint64, rs []int32, sc *[width]float32) []int32 {
	rs = rs[:0]
	for _, f := range fs {
		if r, ok := p.rows[f]; ok {
			rs = append(rs, r)
			row := p.w[int(r)*width : int(r)*width+width]
			for l := range sc {
				sc[l] += row[l]
			}
		}
	}
	return rs
}

func (p *perceptron) update(rs []int32, good, bad int) {
	for _, r := range rs {
		for _, u := range [2]struct {
			l int
			v float32
		}{{good, 1}, {bad, -1}} {
			c := int(r)*width + u.l
			p.tot[c] += float64(p.clock-p.ts[c]) * float64(p.w[c])
			p.ts[c] = p.clock
			p.w[c] += u.v
		}
	}
}

func (p *perceptron) averaged() map[uint64][]float32 {
	out := make(map[uint64][]float32, len(p.keys))
	for i, f := range p.keys {
		row := make([]float32, width)
		nz := false
		for l := range row {
			c := i*width + l
			row[l] = float32((p.tot[c] + float64(p.clock-p.ts[c])*float64(p.w[c])) / float64(p.clock))
			nz = nz || row[l] != 0
		}
		if nz {
			out[f] = row
		}
	}
	return out
}

// Train fits the segmenter and the typer and writes them in the model format
// to out. The output depends only on the sentences and the options.
func Train(data []TrainSentence, opt TrainOptions, out io.Writer) error {
	lex, err := lexicon()
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	sents := make([]trainSent, 0, len(data))
	for k, d := range data {
		if len(d.Words) != len(d.Tags) {
			return fmt.Errorf("sentence %d: %d words, %d tags", k, len(d.Words), len(d.Tags))
		}
		ts := trainSent{words: d.Words, seg: make([]int, len(d.Tags))}
		for i := 0; i < len(d.Tags); {
			t := d.Tags[i]
			if t == "O" {
				i++
				continue
			}
			typ := slices.Index(Types, strings.TrimPrefix(strings.TrimPrefix(t, "B-"), "I-"))
			if typ < 0 || len(t) < 3 {
				return fmt.Errorf("sentence %d token %d: unknown label %q", k, i, t)
			}
			j := i + 1
			for j < len(d.Tags) && d.Tags[j] == "I-"+Types[typ] {
				j++
			}
			ts.seg[i] = segB
			for x := i + 1; x < j; x++ {
				ts.seg[x] = segI
			}
			ts.spans = append(ts.spans, typedSpan{i, j, typ})
			i = j
		}
		sents = append(sents, ts)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	// Features seen at least MinCount times with the gold labels.
	var s sentence
	var fs []uint64
	segCounts, typCounts := map[uint64]int32{}, map[uint64]int32{}
	for _, t := range sents {
		s.load(t.words, lex)
		p1, p2 := -1, -1
		for i := range t.words {
			fs = s.static(fs[:0], i)
			fs = s.dynamic(fs, i, p1, p2)
			for _, f := range fs {
				segCounts[f]++
			}
			p2, p1 = p1, t.seg[i]
		}
		for _, sp := range t.spans {
			for _, f := range s.spanFeatures(fs[:0], sp.a, sp.b) {
				typCounts[f]++
			}
		}
	}
	seg := newPerceptron(segCounts, opt.MinCount)
	typ := newPerceptron(typCounts, opt.TypeMinCount)
	segCounts, typCounts = nil, nil
	opt.Log("%d sentences; %d segmenter and %d typer features kept", len(sents), len(seg.keys), len(typ.keys))

	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var rs []int32
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		segOK, segN, typOK, typN := 0, 0, 0, 0
		for _, k := range order {
			t := sents[k]
			s.load(t.words, lex)
			p1, p2 := -1, -1
			for i := range t.words {
				seg.clock++
				fs = s.static(fs[:0], i)
				fs = s.dynamic(fs, i, p1, p2)
				var sc [width]float32
				rs = seg.score(fs, rs, &sc)
				prev := max(p1, 0)
				best, _ := argmax(&sc, nSeg, func(l int) bool { return allowed(prev, l) })
				g := t.seg[i]
				ok := best == g
				if !ok && !allowed(prev, g) {
					g = segB // the gold I- cannot follow our O: learn B- instead
				}
				segN++
				if ok {
					segOK++
				} else if g != best {
					seg.update(rs, g, best)
				}
				p2, p1 = p1, best
			}
			for _, sp := range t.spans {
				typ.clock++
				fs = s.spanFeatures(fs[:0], sp.a, sp.b)
				var sc [width]float32
				rs = typ.score(fs, rs, &sc)
				best, _ := argmax(&sc, len(Types), func(int) bool { return true })
				typN++
				if best == sp.t {
					typOK++
				} else {
					typ.update(rs, sp.t, best)
				}
			}
		}
		opt.Log("epoch %d: segment accuracy %.4f, type accuracy %.4f", ep+1, float64(segOK)/float64(segN), float64(typOK)/float64(max(typN, 1)))
	}
	kept, err := save(out, seg.averaged(), typ.averaged())
	opt.Log("%d features with weights written", kept)
	return err
}
