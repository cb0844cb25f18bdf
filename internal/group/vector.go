package group

import (
	"math"
	"slices"
	"sort"
)

// vocab interns feature keys and counts in how many documents each occurs.
type vocab struct {
	ids  map[string]uint32
	fam  []uint8
	df   []int32
	docs int // documents counted
}

func newVocab() *vocab { return &vocab{ids: make(map[string]uint32, 1<<14)} }

func (v *vocab) id(key string) uint32 {
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.fam))
	v.ids[key] = id
	v.fam = append(v.fam, uint8(familyOf(key)))
	v.df = append(v.df, 0)
	return id
}

// count adds one document's features to the document frequencies and
// returns the feature ids with their counts, sorted by id.
func (v *vocab) count(f *features) []termCount {
	tc := make([]termCount, 0, len(f.counts))
	for k, c := range f.counts {
		id := v.id(k)
		v.df[id]++
		tc = append(tc, termCount{id, c})
	}
	v.docs++
	slices.SortFunc(tc, func(a, b termCount) int { return int(a.id) - int(b.id) })
	return tc
}

type termCount struct {
	id uint32
	n  int32
}

// vec is a sparse TF-IDF vector sorted by feature id. Word features are
// keyed by language, so two documents in different languages share none;
// their similarity is then computed over the language-independent
// families only (names, numbers, dates).
type vec struct {
	ids  []uint32
	ws   []float32
	lang string
	li2  float64 // squared norm of the name, number and date part
	w2   float64 // squared norm of the word part
}

// idf is the inverse document frequency of a feature seen in df of n
// documents.
func idf(n, df int) float64 {
	return math.Log(float64(max(n, idfFloor)+1) / float64(df))
}

// weigh turns counts into a TF-IDF vector: (1 + ln tf) · idf · family weight.
// Features seen in fewer than minDF documents are left out: they cannot
// make two documents similar, only lengthen the vectors.
func (v *vocab) weigh(tc []termCount, lang string, fw *[numFamilies]float64, minDF int32) vec {
	out := vec{lang: lang, ids: make([]uint32, 0, len(tc)), ws: make([]float32, 0, len(tc))}
	for _, t := range tc {
		if v.df[t.id] < minDF {
			continue
		}
		fam := v.fam[t.id]
		w := (1 + math.Log(float64(t.n))) * idf(v.docs, int(v.df[t.id])) * fw[fam]
		if w <= 0 {
			continue
		}
		out.ids = append(out.ids, t.id)
		out.ws = append(out.ws, float32(w))
		if fam == famWord {
			out.w2 += w * w
		} else {
			out.li2 += w * w
		}
	}
	return out
}

// normalize scales v to unit length.
func (v *vec) normalize() {
	n := math.Sqrt(v.li2 + v.w2)
	if n == 0 {
		return
	}
	for i := range v.ws {
		v.ws[i] = float32(float64(v.ws[i]) / n)
	}
	v.li2 /= n * n
	v.w2 /= n * n
}

// dots returns the dot products of the language-independent and the word
// parts of a and b.
func dots(a, b *vec, fam []uint8) (li, w float64) {
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			p := float64(a.ws[i]) * float64(b.ws[j])
			if fam[a.ids[i]] == famWord {
				w += p
			} else {
				li += p
			}
			i++
			j++
		}
	}
	return li, w
}

// cosine is the cosine similarity of two document vectors: over all
// features when both are in the same language, over names, numbers and
// dates only when they are not.
func cosine(a, b *vec, fam []uint8) float64 {
	li, w := dots(a, b, fam)
	if a.lang == b.lang && a.w2 > 0 && b.w2 > 0 {
		d := math.Sqrt((a.li2 + a.w2) * (b.li2 + b.w2))
		if d == 0 {
			return 0
		}
		return (li + w) / d
	}
	d := math.Sqrt(a.li2 * b.li2)
	if d == 0 {
		return 0
	}
	return min(1, crossBoost*li/d)
}


// query returns the features a document is looked up and indexed by: its
// k heaviest, plus its k/2 heaviest names, numbers and dates, the only
// features a translation can share. Ties break on the id, so the result is
// deterministic.
func (v *vec) query(k int, fam []uint8) []uint32 {
	idx := make([]int, len(v.ids))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool {
		a, b := idx[x], idx[y]
		if v.ws[a] != v.ws[b] {
			return v.ws[a] > v.ws[b]
		}
		return v.ids[a] < v.ids[b]
	})
	out := make([]uint32, 0, k+k/2)
	li := 0
	for n, x := range idx {
		id := v.ids[x]
		switch {
		case n < k:
			out = append(out, id)
			if fam[id] != famWord {
				li++
			}
		case li < k/2 && fam[id] != famWord:
			out = append(out, id)
			li++
		}
		if n >= k && li >= k/2 {
			break
		}
	}
	return out
}

// idfFloor is the least collection size IDF assumes: in a small batch the
// words of a big story fill a large share of the documents, and plain IDF
// would all but ignore them.
const idfFloor = 1000

// crossBoost scales the similarity of documents in different languages:
// names are partly translated ("León XIV", "Leo XIV") and a translation
// shares fewer of them than a same-language article does.
const crossBoost = 1.25
