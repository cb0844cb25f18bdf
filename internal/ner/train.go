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
	// Unannotated lists types the source does not annotate (a corpus with
	// only PER, ORG and LOC leaves MISC names as O): predicting such a type
	// where the source says O is not counted as an error.
	Unannotated []string
}

// TrainOptions sets up training. The zero value is not useful: use DefaultTrainOptions.
type TrainOptions struct {
	Epochs   int    // passes over the data
	Seed     uint64 // seeds the order of sentences in each pass
	MinCount int    // features seen fewer times (with gold labels) are dropped
	// DropWords is the chance that a capitalised token is seen without the
	// features naming the word itself, so that names never seen in training
	// are typed from context, shape and the lexicon.
	DropWords float64
	// Upper is the share of sentences also trained on in capitals, as
	// headlines and datelines print them.
	Upper float64
	Log   func(format string, args ...any)
}

// DefaultTrainOptions are the settings the shipped model was trained with.
func DefaultTrainOptions() TrainOptions {
	return TrainOptions{Epochs: 10, Seed: 1, MinCount: 2, DropWords: 0, Upper: 0, Log: func(string, ...any) {}}
}

type trainSent struct {
	words []string
	gold  []int
	skip  uint8 // bit t: type t unannotated
}

// Train fits an averaged perceptron and writes it in the model format to out.
// The output depends only on the sentences and the options.
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
		ts := trainSent{words: d.Words, gold: make([]int, len(d.Tags))}
		for i, t := range d.Tags {
			l, err := parseLabel(t)
			if err != nil {
				return fmt.Errorf("sentence %d token %d: %w", k, i, err)
			}
			ts.gold[i] = l
		}
		for _, u := range d.Unannotated {
			if t := slices.Index(Types, u); t >= 0 {
				ts.skip |= 1 << t
			}
		}
		sents = append(sents, ts)
	}

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	if opt.Upper > 0 {
		n := len(sents)
		for k := 0; k < n; k++ {
			if rng.Float64() < opt.Upper {
				t := sents[k]
				up := make([]string, len(t.words))
				for i, w := range t.words {
					up[i] = strings.ToUpper(w)
				}
				sents = append(sents, trainSent{words: up, gold: t.gold, skip: t.skip})
			}
		}
	}

	// Features seen at least MinCount times with the gold labels.
	var s sentence
	var fs []uint64
	counts := map[uint64]int32{}
	for _, ts := range sents {
		s.load(ts.words, lex)
		p1, p2 := -1, -1
		for i := range ts.words {
			fs = s.static(fs[:0], i, false)
			fs = s.dynamic(fs, i, p1, p2, false)
			for _, f := range fs {
				counts[f]++
			}
			p2, p1 = p1, ts.gold[i]
		}
	}
	rows := map[uint64]int32{}
	keys := make([]uint64, 0, len(counts))
	for f, c := range counts {
		if int(c) >= opt.MinCount {
			keys = append(keys, f)
		}
	}
	slices.Sort(keys)
	for i, f := range keys {
		rows[f] = int32(i)
	}
	counts = nil
	opt.Log("%d sentences, %d features kept", len(sents), len(keys))

	n := len(keys) * nLabels
	w := make([]float32, n)
	tot := make([]float64, n)
	ts := make([]int32, n)
	var clock int32
	upd := func(r int32, l int, v float32) {
		c := int(r)*nLabels + l
		tot[c] += float64(clock-ts[c]) * float64(w[c])
		ts[c] = clock
		w[c] += v
	}

	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	var rs []int32
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, k := range order {
			t := sents[k]
			s.load(t.words, lex)
			p1, p2 := -1, -1
			for i := range t.words {
				clock++
				drop := s.cap[i] && opt.DropWords > 0 && rng.Float64() < opt.DropWords
				fs = s.static(fs[:0], i, drop)
				fs = s.dynamic(fs, i, p1, p2, drop)
				rs = rs[:0]
				var sc [nLabels]float32
				for _, f := range fs {
					if r, ok := rows[f]; ok {
						rs = append(rs, r)
						row := w[int(r)*nLabels : int(r)*nLabels+nLabels]
						for l := range sc {
							sc[l] += row[l]
						}
					}
				}
				prev := max(p1, 0)
				best := -1
				for l := 0; l < nLabels; l++ {
					if allowed(prev, l) && (best < 0 || sc[l] > sc[best]) {
						best = l
					}
				}
				g := t.gold[i]
				ok := best == g
				if !ok && g == 0 && best != 0 && t.skip&(1<<labelType(best)) != 0 {
					ok = true // a type this source does not annotate
				}
				if !ok && !allowed(prev, g) {
					// The gold label cannot follow our previous guess: learn the
					// B- form instead of an impossible I-.
					g--
				}
				total++
				if ok {
					correct++
				} else if g != best {
					for _, r := range rs {
						upd(r, g, 1)
						upd(r, best, -1)
					}
				}
				p2, p1 = p1, best
			}
		}
		opt.Log("epoch %d: token accuracy %.4f", ep+1, float64(correct)/float64(total))
	}

	// Average, and drop weights that round to nothing.
	feats := make(map[uint64][]float32, len(keys))
	var maxAbs float32
	for i, f := range keys {
		row := make([]float32, nLabels)
		nz := false
		for l := range row {
			c := i*nLabels + l
			avg := (tot[c] + float64(clock-ts[c])*float64(w[c])) / float64(clock)
			row[l] = float32(avg)
			if row[l] != 0 {
				nz = true
			}
			maxAbs = max(maxAbs, row[l], -row[l])
		}
		if nz {
			feats[f] = row
		}
	}
	scale := maxAbs / 30000 // int16-range quantisation, stored as varints
	if scale == 0 {
		scale = 1
	}
	kept, err := save(out, feats, scale)
	opt.Log("%d features with weights written", kept)
	return err
}

func parseLabel(t string) (int, error) {
	if t == "O" {
		return 0, nil
	}
	if len(t) > 2 && (t[:2] == "B-" || t[:2] == "I-") {
		if k := slices.Index(Types, t[2:]); k >= 0 {
			l := 1 + 2*k
			if t[0] == 'I' {
				l++
			}
			return l, nil
		}
	}
	return 0, fmt.Errorf("unknown label %q", t)
}
