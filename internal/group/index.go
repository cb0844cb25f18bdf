package group

import (
	"cmp"
	"context"
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
// of the documents added so far.
//
// An Index made by NewIndex lives in memory, which grows with the documents
// added (a few hundred bytes each, plus the vocabulary). One made by
// OpenIndex keeps its state in a State (the library's store): it loads
// what placing a document needs when that document comes, keeps it as a
// cache, and hands back what changed (Pending) for the caller to save, so
// opening it costs the same however many documents it holds, and it places
// documents exactly as one Index that never stopped would.
//
// An Index is not safe for concurrent use.
type Index struct {
	opt Options
	fw  *[numFamilies]float64
	x   *extractor

	state State // nil: in memory only
	// fresh: the State holds no index, or one to be replaced whole (see
	// Pending); nothing is read from it.
	fresh bool
	// loaded: the counts were read from the State since the last Forget.
	loaded bool
	voc    *vocab
	// The log of document frequency changes (StateDFLog): its rows
	// [logFirst, logNext) are not folded into StateDF yet; logDF sums
	// them, over logLen entries. foldReady: the next Pending folds them.
	logFirst, logNext int64
	logDF             map[featKey]int32
	logLen            int
	foldReady         bool
	// The log of posting lists and buckets (StateValueLog): its rows
	// [vlogFirst, vlogNext) hold values not written to StatePosting and
	// StateBucket yet, over vlogLen entries; vlog, the latest of each.
	// vlogFold: the next Pending folds them.
	vlogFirst, vlogNext int64
	vlog                map[stateKey][]byte
	vlogLen             int
	vlogFold            bool
	// nstories is the number of stories started; story numbers run from 1.
	nstories int64
	stories  map[int64]*story
	postings map[featKey][]int64 // feature → stories, most recently touched last
	buckets  map[uint64][]int64  // LSH band key → documents, newest last, at most bucketCap
	docs     map[int64]*indexedDoc
	docNums  map[string]int64 // document ID → number (0: unknown)
	// regroupFrom: the documents numbered after it were placed since the
	// last Regroup.
	regroupFrom int64
	// batch are the options of the grouping Regroup runs: the caller's,
	// as Stories takes them.
	batch Options
	dirty dirtySet
	stats Stats
	score map[int64]float64 // scratch: candidate story → shared weight
	cands []storyCand       // scratch
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

// indexedDoc is what near-duplicate detection needs of a document.
type indexedDoc struct {
	id     string
	story  int64
	hasSig bool
	sig    signature
}

// story holds, per language, the sums of its members' unit vectors, so
// that the mean similarity between a document and the members is a few
// dot products.
type story struct {
	n           int
	ext         int64 // the caller's ID for the story (Bind); 0 when none
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

// NewIndex returns an empty Index that lives in memory.
func NewIndex(opt Options) *Index {
	batch := opt
	batch.Threshold = 0 // an Index's threshold is not Stories's
	opt = opt.withDefaults(DefaultIndexThreshold)
	return &Index{
		opt:      opt,
		batch:    batch,
		docNums:  map[string]int64{},
		fw:       opt.Weights.array(),
		x:        newExtractor(),
		voc:      newVocab(),
		stories:  map[int64]*story{},
		postings: map[featKey][]int64{},
		buckets:  map[uint64][]int64{},
		docs:     map[int64]*indexedDoc{},
		score:    map[int64]float64{},
		logDF:    map[featKey]int32{},
		vlog:     map[stateKey][]byte{},
	}
}

// OpenIndex returns the Index kept in st. It reads only the index's
// counts: the rest is read as documents need it. ok is false when st holds
// no index yet (nothing was ever saved to it); the Index is then empty.
func OpenIndex(ctx context.Context, opt Options, st State) (ix *Index, ok bool, err error) {
	ix = NewIndex(opt)
	ix.state = st
	ix.dirty = newDirtySet()
	if err = ix.loadMeta(ctx); err != nil {
		return nil, false, err
	}
	// The counts are saved by the first Pending even if nothing is added,
	// so that an empty index is found the next time.
	ix.dirty.meta = ix.fresh
	return ix, !ix.fresh, nil
}

// Stats reports counts of the work this Index did since it was made or
// opened.
func (ix *Index) Stats() Stats { return ix.stats }

// Add assigns d to a story, starting a new one when no story is similar
// enough, and returns the story's ID ("s1", "s2", …) and, when d nearly
// copies an earlier document, that document's ID. It is Place for an
// Index in memory, which cannot fail.
func (ix *Index) Add(d Doc) (storyID, dupOf string) {
	if ix.state != nil {
		panic("group: Add on an Index kept in a State; use Place")
	}
	storyID, dupOf, _ = ix.Place(context.Background(), d)
	return storyID, dupOf
}

// Place is Add for an Index kept in a State: it reads from the State what
// it needs and has not read yet. On an error the Index is unchanged, but
// for its cache.
func (ix *Index) Place(ctx context.Context, d Doc) (storyID, dupOf string, err error) {
	f := ix.x.extract(&d)
	sig, hasSig := minhash(f.words)
	bandKeys := sig.bandKeys()
	if err := ix.loadFor(ctx, &f, &bandKeys, hasSig); err != nil {
		ix.Forget()
		return "", "", err
	}
	tc := ix.voc.count(&f)
	ix.dirty.df(tc)
	v := ix.voc.weigh(tc, f.lang, ix.fw, 1)
	v.normalize()
	ix.stats.Docs++

	num := int64(ix.voc.docs) // this document's number, from 1
	rec := &indexedDoc{id: d.ID, story: -1, hasSig: hasSig, sig: sig}

	// Near-duplicates join the story of the document they copy.
	if hasSig {
		if j := ix.bestDuplicate(&sig, &bandKeys); j > 0 {
			rec.story = ix.docs[j].story
			dupOf = ix.docs[j].id
			ix.stats.Duplicates++
		}
	}

	top := v.query(ix.opt.QueryTerms)
	if err := ix.loadPostings(ctx, top); err != nil {
		ix.Forget()
		return "", "", err
	}
	if rec.story < 0 {
		// Features first seen now are in no story: look up the others.
		var known []featKey
		for _, k := range top {
			if i, ok := slices.BinarySearchFunc(tc, k, func(t termCount, k featKey) int { return cmp.Compare(t.key, k) }); ok && tc[i].df >= 2 {
				known = append(known, k)
			}
		}
		if rec.story, err = ix.bestStory(ctx, &v, known, d.Published); err != nil {
			ix.Forget()
			return "", "", err
		}
	} else if err := ix.loadStories(ctx, []int64{rec.story}); err != nil {
		ix.Forget()
		return "", "", err
	}
	if rec.story < 0 {
		ix.nstories++
		rec.story = ix.nstories
		ix.stories[rec.story] = &story{}
		ix.stats.Stories++
	}
	if hasSig {
		// Into its buckets, now that its story is known.
		for _, k := range bandKeys {
			ix.addToBucket(k, num, rec.story)
		}
	}
	st := ix.stories[rec.story]
	st.add(&v, d.Published)
	ix.dirty.story(rec.story)
	for _, fid := range top {
		ix.post(fid, rec.story)
	}
	ix.docs[num] = rec
	ix.dirty.doc(num)
	ix.docNums[d.ID] = num
	ix.dirty.docNum(d.ID)
	ix.dirty.meta = true
	return storyName(rec.story), dupOf, nil
}

func storyName(n int64) string { return "s" + strconv.FormatInt(n, 10) }

// storyNum is the number of a story ID Place returned; 0 when it is none.
func storyNum(id string) int64 {
	if len(id) < 2 || id[0] != 's' {
		return 0
	}
	n, _ := strconv.ParseInt(id[1:], 10, 64)
	return n
}

// Bind records ext, the caller's own ID for the story storyID (a stored
// story's), in the index, so that Bound returns it after the index is
// opened again.
func (ix *Index) Bind(storyID string, ext int64) {
	if st := ix.stories[storyNum(storyID)]; st != nil {
		st.ext = ext
		ix.dirty.story(storyNum(storyID))
	}
}

// Bound returns the ID Bind recorded for a story Place just returned; 0
// when none.
func (ix *Index) Bound(storyID string) int64 {
	if st := ix.stories[storyNum(storyID)]; st != nil {
		return st.ext
	}
	return 0
}

// bestDuplicate returns the earlier document most similar to sig, at least
// DuplicateThreshold (the earliest on ties), or 0. Each band's bucket
// holds its bucketCap newest documents; a common band's, none.
func (ix *Index) bestDuplicate(sig *signature, keys *[bands]uint64) int64 {
	best, bestSim := int64(0), ix.opt.DuplicateThreshold
	for _, k := range keys {
		b := ix.buckets[k]
		if isCommonBand(b) {
			continue
		}
		for i := len(b) - 1; i >= 0; i-- {
			j := b[i]
			d := ix.docs[j]
			s := sig.jaccard(&d.sig)
			if s > bestSim || s == bestSim && (best == 0 || j < best) {
				best, bestSim = j, s
			}
		}
	}
	return best
}

// commonBandStories is how many stories the documents of one band's
// bucket may belong to before the band is common: copies of one text join
// the story of what they copy, so a band that documents of more stories
// share is boilerplate or a template (a footer, a recurring paragraph),
// as a stop word is a word most documents have. A common band is no
// longer compared or filled: a copy shares many bands with what it
// copies and is found through the others, and reading the band's
// documents (up to bucketCap each time it was met) was what grew with
// the library.
const commonBandStories = bucketCap / 4

// isCommonBand reports whether b is the bucket of a common band: the one
// number 0 (document numbers start at 1).
func isCommonBand(b []int64) bool { return len(b) == 1 && b[0] == 0 }

// addToBucket adds document num, placed in story, to the bucket of band
// k, the newest bucketCap kept; a bucket whose documents (all read by
// loadFor, for bestDuplicate) belong to more than commonBandStories
// stories becomes the common band's.
func (ix *Index) addToBucket(k uint64, num, story int64) {
	b := ix.buckets[k]
	if isCommonBand(b) {
		return
	}
	b = append(b, num)
	if len(b) > bucketCap {
		b = slices.Delete(b, 0, 1)
	}
	if len(b) > commonBandStories {
		var seen [bucketCap + 1]int64
		n := 0
		for _, j := range b {
			s := story
			if j != num {
				if d := ix.docs[j]; d != nil {
					s = d.story
				}
			}
			if !slices.Contains(seen[:n], s) {
				seen[n] = s
				n++
			}
		}
		if n > commonBandStories {
			b = []int64{0}
		}
	}
	ix.buckets[k] = b
	ix.dirty.bucket(k)
}

// storyCand is a candidate story and the weight of the query features it
// shares with the document looked up.
type storyCand struct {
	story int64
	score float64
}

// bestStory returns the most similar candidate story at or above the
// threshold, or -1.
func (ix *Index) bestStory(ctx context.Context, v *vec, top []featKey, published time.Time) (int64, error) {
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
	cands := topStories(ix.score, ix.opt.MaxCandidates, ix.cands)
	ix.cands = cands
	if ix.state != nil {
		nums := make([]int64, len(cands))
		for i, c := range cands {
			nums[i] = c.story
		}
		if err := ix.loadStories(ctx, nums); err != nil {
			return -1, err
		}
		// Loading may have let the scratch go; the candidates are in cands.
	}
	best, bestSim := int64(-1), ix.opt.Threshold
	for _, c := range cands {
		s, st := c.story, ix.stories[c.story]
		if ix.opt.Window > 0 && !published.IsZero() && !st.first.IsZero() &&
			(published.Before(st.first.Add(-ix.opt.Window)) || published.After(st.last.Add(ix.opt.Window))) {
			continue
		}
		if st.n == 0 {
			continue // emptied by Regroup
		}
		ix.stats.Candidates++
		sim := st.similarity(v)
		if sim > bestSim || sim == bestSim && best >= 0 && s < best || sim == bestSim && best < 0 {
			best, bestSim = s, sim
		}
	}
	return best, nil
}

// topStories appends to buf the k candidates with the highest score (ties:
// the newest first), best first.
func topStories(score map[int64]float64, k int, buf []storyCand) []storyCand {
	better := func(a, b storyCand) bool {
		return a.score > b.score || a.score == b.score && a.story > b.story
	}
	cands := buf[:0]
	for s, w := range score {
		c := storyCand{s, w}
		if len(cands) == k && !better(c, cands[k-1]) {
			continue
		}
		if len(cands) < k {
			cands = append(cands, c)
		}
		n := len(cands) - 1
		for ; n > 0 && better(c, cands[n-1]); n-- {
			cands[n] = cands[n-1]
		}
		cands[n] = c
	}
	return cands
}

// post records that story s has feature fid, keeping the posting list
// ordered by last use and at most PostingCap long.
func (ix *Index) post(fid featKey, s int64) {
	p := ix.postings[fid]
	if i := slices.Index(p, s); i >= 0 {
		p = slices.Delete(p, i, i+1)
	} else if len(p) >= ix.opt.PostingCap {
		p = slices.Delete(p, 0, 1)
	}
	ix.postings[fid] = append(p, s)
	ix.dirty.posting(fid)
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
