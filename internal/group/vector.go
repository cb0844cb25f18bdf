package group

import (
	"cmp"
	"math"
	"slices"
)

// vocab counts in how many documents each feature occurs.
type vocab struct {
	df   map[featKey]int32
	docs int // documents counted
}

func newVocab() *vocab { return &vocab{df: make(map[featKey]int32, 1<<14)} }

// count adds one document's features to the document frequencies and
// returns them with their counts and document frequencies so far, sorted
// by key like f.counts.
func (v *vocab) count(f *features) []termCount {
	tc := make([]termCount, len(f.counts))
	for i, kc := range f.counts {
		df := v.df[kc.key] + 1
		v.df[kc.key] = df
		tc[i] = termCount{kc.key, kc.n, df}
	}
	v.docs++
	return tc
}

// refresh sets the document frequencies in tc to the current ones.
func (v *vocab) refresh(tc []termCount) {
	for i := range tc {
		tc[i].df = v.df[tc[i].key]
	}
}

// termCount is a feature's count in one document and its document frequency.
type termCount struct {
	key featKey
	n   int32
	df  int32
}

// vec is a sparse TF-IDF vector sorted by feature key. Word features are
// keyed by language, so two documents in different languages share none;
// their similarity is then computed over the language-independent
// families only (names, numbers, dates).
type vec struct {
	ids  []featKey
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
	out := vec{lang: lang, ids: make([]featKey, 0, len(tc)), ws: make([]float32, 0, len(tc))}
	for _, t := range tc {
		if t.df < minDF {
			continue
		}
		fam := t.key.family()
		w := (1 + math.Log(float64(t.n))) * idf(v.docs, int(t.df)) * fw[fam]
		if w <= 0 {
			continue
		}
		out.ids = append(out.ids, t.key)
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
func dots(a, b *vec) (li, w float64) {
	i, j := 0, 0
	for i < len(a.ids) && j < len(b.ids) {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			p := float64(a.ws[i]) * float64(b.ws[j])
			if a.ids[i].family() == famWord {
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
func cosine(a, b *vec) float64 {
	li, w := dots(a, b)
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
func (v *vec) query(k int) []featKey {
	type fw struct {
		w  float32
		id featKey
	}
	all := make([]fw, len(v.ids))
	for i, id := range v.ids {
		all[i] = fw{v.ws[i], id}
	}
	slices.SortFunc(all, func(a, b fw) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]featKey, 0, k+k/2)
	li := 0
	for n, x := range all {
		switch {
		case n < k:
			out = append(out, x.id)
			if x.id.family() != famWord {
				li++
			}
		case li < k/2 && x.id.family() != famWord:
			out = append(out, x.id)
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
