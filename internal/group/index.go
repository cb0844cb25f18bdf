package group

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"time"
)

// Index groups documents one at a time. Each Add looks up candidate
// stories through an inverted index over the document's most
// discriminative features, with capped posting lists, and scores only
// those candidates, so its cost does not grow with the number of stories
// already seen. Document frequencies, and so the TF-IDF weights, are those
// of the documents added so far. Memory grows with the documents added (a
// few hundred bytes each, plus the vocabulary).
//
// An Index is not safe for concurrent use.
type Index struct {
	opt      Options
	fw       *[numFamilies]float64
	x        *extractor
	voc      *vocab
	stories  []*story
	postings map[featKey][]int32 // feature → stories, most recently touched last
	lsh      *lsh                // near-duplicate candidates
	docs     []indexedDoc
	stats    Stats
	score    map[int32]float64 // scratch: candidate story → shared weight
	cands    []candidate       // scratch
}

// Stats counts what an Index has done.
type Stats struct {
	Docs       int // documents added
	Stories    int // stories started
	Duplicates int // documents found to be near-duplicates
	// Candidates is the number of candidate stories scored in full, summed
	// over all documents; it is at most MaxCandidates per document.
	Candidates int
	// Postings is the number of posting entries read, summed over all
	// documents; it is at most 1.5 × QueryTerms × PostingCap per document.
	Postings int
}

type indexedDoc struct {
	id    string
	story int32
}

// story holds, per language, the sums of its members' unit vectors, so
// that the mean similarity between a document and the members is a few
// dot products.
type story struct {
	id          string
	n           int
	groups      []langGroup
	first, last time.Time // range of the members' publication times
}

type langGroup struct {
	lang string
	full sparse // sum of members' unit vectors
	li   sparse // sum of members' name, number and date parts, each scaled to unit length
}

// sparse is a sparse vector sorted by feature id.
type sparse struct {
	ids []featKey
	ws  []float32
}

// maxStoryFeatures bounds the features a story keeps (the heaviest), so
// that scoring a story costs the same however many members it has.
const maxStoryFeatures = 1024

// NewIndex returns an empty Index.
func NewIndex(opt Options) *Index {
	opt = opt.withDefaults(DefaultIndexThreshold)
	return &Index{
		opt:      opt,
		fw:       opt.Weights.array(),
		x:        newExtractor(),
		voc:      newVocab(),
		postings: map[featKey][]int32{},
		lsh:      newLSH(),
		score:    map[int32]float64{},
	}
}

// Stats reports counts of the work done so far.
func (ix *Index) Stats() Stats { return ix.stats }

// Add assigns d to a story, starting a new one when no story is similar
// enough, and returns the story's ID ("s1", "s2", …) and, when d nearly
// copies an earlier document, that document's ID.
func (ix *Index) Add(d Doc) (storyID, dupOf string) {
	f := ix.x.extract(&d)
	tc := ix.voc.count(&f)
	v := ix.voc.weigh(tc, f.lang, ix.fw, 1)
	v.normalize()
	ix.stats.Docs++

	rec := indexedDoc{id: d.ID, story: -1}
	sig, hasSig := minhash(f.words)

	// Near-duplicates join the story of the document they copy.
	if hasSig {
		if j, _ := ix.lsh.best(&sig, ix.opt.DuplicateThreshold); j >= 0 {
			rec.story = ix.docs[j].story
			dupOf = ix.docs[j].id
			ix.stats.Duplicates++
		}
	}
	ix.lsh.add(&sig, hasSig)

	top := v.query(ix.opt.QueryTerms)
	if rec.story < 0 {
		// Features first seen now are in no story: look up the others.
		var known []featKey
		for _, k := range top {
			if i, ok := slices.BinarySearchFunc(tc, k, func(t termCount, k featKey) int { return cmp.Compare(t.key, k) }); ok && tc[i].df >= 2 {
				known = append(known, k)
			}
		}
		rec.story = ix.bestStory(&v, known, d.Published)
	}
	if rec.story < 0 {
		rec.story = int32(len(ix.stories))
		ix.stories = append(ix.stories, &story{id: "s" + strconv.Itoa(len(ix.stories)+1)})
		ix.stats.Stories++
	}
	st := ix.stories[rec.story]
	st.add(&v, d.Published)
	for _, fid := range top {
		ix.post(fid, rec.story)
	}
	ix.docs = append(ix.docs, rec)
	return st.id, dupOf
}

// bestStory returns the most similar candidate story at or above the
// threshold, or -1.
func (ix *Index) bestStory(v *vec, top []featKey, published time.Time) int32 {
	// Candidates: stories posted under the query features, ranked by the
	// weight of the features they share with the document.
	clear(ix.score)
	for _, fid := range top {
		w := v.weight(fid)
		for _, s := range ix.postings[fid] {
			ix.score[s] += w
		}
		ix.stats.Postings += len(ix.postings[fid])
	}
	cands := topCandidates(ix.score, ix.opt.MaxCandidates, ix.cands)
	ix.cands = cands
	best, bestSim := int32(-1), ix.opt.Threshold
	for _, c := range cands {
		s, st := c.story, ix.stories[c.story]
		if ix.opt.Window > 0 && !published.IsZero() && !st.first.IsZero() &&
			(published.Before(st.first.Add(-ix.opt.Window)) || published.After(st.last.Add(ix.opt.Window))) {
			continue
		}
		ix.stats.Candidates++
		sim := st.similarity(v)
		if sim > bestSim || sim == bestSim && best >= 0 && s < best || sim == bestSim && best < 0 {
			best, bestSim = s, sim
		}
	}
	return best
}

// post records that story s has feature fid, keeping the posting list
// ordered by last use and at most PostingCap long.
func (ix *Index) post(fid featKey, s int32) {
	p := ix.postings[fid]
	if i := slices.Index(p, s); i >= 0 {
		p = slices.Delete(p, i, i+1)
	} else if len(p) >= ix.opt.PostingCap {
		p = slices.Delete(p, 0, 1)
	}
	ix.postings[fid] = append(p, s)
}

// weight returns the weight of feature id in v, or 0.
func (v *vec) weight(id featKey) float64 {
	if i, ok := slices.BinarySearch(v.ids, id); ok {
		return float64(v.ws[i])
	}
	return 0
}

// similarity is the mean, over the story's members, of the similarity
// cosine() gives between v and the member.
func (st *story) similarity(v *vec) float64 {
	var sum float64
	liNorm := math.Sqrt(v.li2)
	for i := range st.groups {
		g := &st.groups[i]
		if g.lang == v.lang && v.w2 > 0 {
			sum += sparseDot(v, &g.full)
		} else if liNorm > 0 {
			sum += crossBoost * sparseDotLI(v, &g.li) / liNorm
		}
	}
	return sum / float64(st.n)
}

func sparseDot(v *vec, s *sparse) float64 {
	var d float64
	i, j := 0, 0
	for i < len(v.ids) && j < len(s.ids) {
		switch {
		case v.ids[i] < s.ids[j]:
			i++
		case v.ids[i] > s.ids[j]:
			j++
		default:
			d += float64(v.ws[i]) * float64(s.ws[j])
			i++
			j++
		}
	}
	return d
}

// sparseDotLI is the dot product over the name, number and date features.
func sparseDotLI(v *vec, s *sparse) float64 {
	var d float64
	i, j := 0, 0
	for i < len(v.ids) && j < len(s.ids) {
		switch {
		case v.ids[i] < s.ids[j]:
			i++
		case v.ids[i] > s.ids[j]:
			j++
		default:
			if v.ids[i].family() != famWord {
				d += float64(v.ws[i]) * float64(s.ws[j])
			}
			i++
			j++
		}
	}
	return d
}

// add makes the document with unit vector v a member.
func (st *story) add(v *vec, published time.Time) {
	st.n++
	if !published.IsZero() {
		if st.first.IsZero() || published.Before(st.first) {
			st.first = published
		}
		if st.last.IsZero() || published.After(st.last) {
			st.last = published
		}
	}
	var g *langGroup
	for i := range st.groups {
		if st.groups[i].lang == v.lang {
			g = &st.groups[i]
		}
	}
	if g == nil {
		st.groups = append(st.groups, langGroup{lang: v.lang})
		g = &st.groups[len(st.groups)-1]
	}
	g.full.addScaled(v, 1, false)
	if v.li2 > 0 {
		g.li.addScaled(v, 1/math.Sqrt(v.li2), true)
	}
}

// addScaled adds scale·v to s (only the name, number and date features
// when liOnly), then keeps the maxStoryFeatures heaviest features.
func (s *sparse) addScaled(v *vec, scale float64, liOnly bool) {
	ids := make([]featKey, 0, len(s.ids)+len(v.ids))
	ws := make([]float32, 0, len(s.ids)+len(v.ids))
	i, j := 0, 0
	for i < len(s.ids) || j < len(v.ids) {
		if j < len(v.ids) && liOnly && v.ids[j].family() == famWord {
			j++
			continue
		}
		switch {
		case j >= len(v.ids) || i < len(s.ids) && s.ids[i] < v.ids[j]:
			ids, ws = append(ids, s.ids[i]), append(ws, s.ws[i])
			i++
		case i >= len(s.ids) || v.ids[j] < s.ids[i]:
			ids, ws = append(ids, v.ids[j]), append(ws, float32(float64(v.ws[j])*scale))
			j++
		default:
			ids, ws = append(ids, s.ids[i]), append(ws, s.ws[i]+float32(float64(v.ws[j])*scale))
			i++
			j++
		}
	}
	s.ids, s.ws = ids, ws
	// Let the sum grow a quarter past the bound before cutting it back, so
	// that the cut is paid for rarely.
	if len(ids) <= maxStoryFeatures+maxStoryFeatures/4 {
		return
	}
	// Keep the maxStoryFeatures heaviest; at the cut-off weight, the
	// smallest keys.
	sorted := slices.Clone(ws)
	slices.Sort(sorted)
	cut := sorted[len(sorted)-maxStoryFeatures]
	above := 0
	for _, w := range ws {
		if w > cut {
			above++
		}
	}
	atCut := maxStoryFeatures - above
	n := 0
	for k, w := range ws {
		if w > cut || w == cut && atCut > 0 {
			if w == cut {
				atCut--
			}
			ids[n], ws[n] = ids[k], ws[k]
			n++
		}
	}
	s.ids, s.ws = ids[:n:n], ws[:n:n]
}
