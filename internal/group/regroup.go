package group

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// Placing one document at a time never moves one: a story that started
// from a document placed before its kin arrived stays apart from them,
// and a document that joined the wrong story stays there. Regroup groups
// again the documents placed since the last Regroup, with the other
// members of their stories and of the stories nearest them (their
// candidates), by Stories, the grouping of a whole batch: stories that
// hold the documents of one batch are those Stories gives for that batch.
// Its cost is that of those stories, whatever the size of the index.

// Move is a document Regroup put in another story.
type Move struct {
	Doc      string
	From, To string // story IDs, as Place returns them
}

// Regrouped says what Regroup did.
type Regrouped struct {
	Docs    int      // documents grouped again
	Stories []string // the stories they are in now, new ones included
	New     []string // stories started
	Emptied []string // stories left with no document: they are no more
	Moves   []Move
}

// Members returns the documents of a story, as Place returned its ID, in
// the order they were placed.
type Members func(ctx context.Context, storyID string) ([]Doc, error)

// maxNeighbours is how many stories near each document placed since the
// last Regroup are grouped again with it, those most similar to it of at
// least nearShare of the Index's threshold: stories it nearly joined.
// (Half the threshold groups some 50% more documents again for the same
// F1 on the dev sets; the whole threshold, 40% fewer, for 0.02 less on
// ECB+ in runs of 20.)
const (
	maxNeighbours = 3
	nearShare     = 0.75
)

// maxRegroupStory bounds the stories Regroup groups again: a larger one
// (a story of many thousands of documents within the window, or one the
// single pass let grow by chaining) is left as it is, with the documents
// placed in it, so that a Regroup's cost stays bounded whatever the
// library holds. A variable for the tests.
var maxRegroupStory = 5000

// Unregrouped returns how many documents were placed since the last
// Regroup.
func (ix *Index) Unregrouped(ctx context.Context) (int, error) {
	if err := ix.loadMeta(ctx); err != nil {
		ix.Forget()
		return 0, err
	}
	return ix.voc.docs - int(ix.regroupFrom), nil
}

// MarkRegrouped leaves the documents placed so far out of the next Regroup.
func (ix *Index) MarkRegrouped(ctx context.Context) error {
	if err := ix.loadMeta(ctx); err != nil {
		ix.Forget()
		return err
	}
	if ix.regroupFrom != int64(ix.voc.docs) {
		ix.regroupFrom = int64(ix.voc.docs)
		ix.dirty.meta = true
	}
	return nil
}

// Regroup groups again the documents placed since the last Regroup, with
// the stories they are in and those nearest them, by Stories with the
// Index's options. Each new group keeps the ID of the story it shares the
// most documents with (on ties, the older story), each ID going to one
// group; the other groups start stories. The Index's stories are made
// again from their documents, weighed with the document frequencies of
// now. On an error the Index is unchanged, but for its cache.
func (ix *Index) Regroup(ctx context.Context, members Members) (Regrouped, error) {
	res, err := ix.regroup(ctx, members)
	if err != nil {
		ix.Forget()
		return Regrouped{}, fmt.Errorf("regroup: %w", err)
	}
	return res, nil
}

// member is a document being grouped again.
type member struct {
	doc   Doc
	v     *vec  // its vector, once weighed
	num   int64 // its document number; 0 when the Index has none
	from  int64 // its story
	order int   // the order it was found in
}

func (ix *Index) regroup(ctx context.Context, members Members) (Regrouped, error) {
	var res Regrouped
	if err := ix.loadMeta(ctx); err != nil {
		return res, err
	}
	last := int64(ix.voc.docs)
	if ix.regroupFrom >= last {
		return res, nil
	}
	// The documents placed since the last Regroup, and their stories.
	touched := map[string]bool{}
	var stories []int64
	seen := map[int64]bool{}
	for n := ix.regroupFrom + 1; n <= last; n++ {
		d, err := ix.loadDoc(ctx, n)
		if err != nil {
			return res, err
		}
		if d == nil {
			return res, fmt.Errorf("%w: document %d is missing", errBadState, n)
		}
		touched[d.id] = true
		if !seen[d.story] {
			seen[d.story] = true
			stories = append(stories, d.story)
		}
	}
	if err := ix.loadStories(ctx, stories); err != nil {
		return res, err
	}
	stories = slices.DeleteFunc(stories, func(s int64) bool { return ix.stories[s].n > maxRegroupStory })
	var all []*member
	byID := map[string]*member{}
	add := func(s int64) error {
		docs, err := members(ctx, storyName(s))
		if err != nil {
			return err
		}
		for _, d := range docs {
			if byID[d.ID] != nil {
				continue
			}
			m := &member{doc: d, from: s, order: len(all)}
			byID[d.ID] = m
			all = append(all, m)
		}
		return nil
	}
	for _, s := range stories {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if err := add(s); err != nil {
			return res, err
		}
	}
	// The stories nearest each document placed since.
	var near []int64
	for _, m := range all {
		if !touched[m.doc.ID] {
			continue
		}
		ns, err := ix.neighbours(ctx, m)
		if err != nil {
			return res, err
		}
		for _, s := range ns {
			if !seen[s] {
				seen[s] = true
				near = append(near, s)
			}
		}
	}
	slices.Sort(near)
	for _, s := range near {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if err := add(s); err != nil {
			return res, err
		}
	}
	stories = append(stories, near...)
	// In the order they were placed; documents the Index never placed
	// (older than what it was built from) first, in the order found.
	for _, m := range all {
		n, err := ix.docNum(ctx, m.doc.ID)
		if err != nil {
			return res, err
		}
		m.num = n
	}
	slices.SortStableFunc(all, func(a, b *member) int { return cmp.Compare(a.num, b.num) })
	docs := make([]Doc, len(all))
	for i, m := range all {
		docs[i] = m.doc
	}
	groups := Stories(docs, ix.batch)
	res.Docs = len(all)
	// A stop asked for while grouping (SIGINT, SIGTERM) ends it here: the
	// Index is read again, and the documents wait for the next Regroup.
	if err := ctx.Err(); err != nil {
		return res, err
	}

	// Each group takes the story it shares most documents with.
	overlap := map[[2]int64]int{} // group, story → shared documents
	for i, m := range all {
		overlap[[2]int64{int64(clusterIndex(groups.Story[i])), m.from}]++
	}
	type pair struct {
		group, story int64
		n            int
	}
	pairs := make([]pair, 0, len(overlap))
	for k, n := range overlap {
		pairs = append(pairs, pair{k[0], k[1], n})
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		if a.n != b.n {
			return b.n - a.n
		}
		if a.story != b.story {
			return cmp.Compare(a.story, b.story)
		}
		return cmp.Compare(a.group, b.group)
	})
	target := make([]int64, len(groups.Clusters))
	taken := map[int64]bool{}
	for _, p := range pairs {
		if target[p.group] == 0 && !taken[p.story] {
			target[p.group] = p.story
			taken[p.story] = true
		}
	}
	if err := ix.loadStories(ctx, stories); err != nil {
		return res, err
	}
	for g := range target {
		if target[g] == 0 {
			ix.nstories++
			target[g] = ix.nstories
			ix.stats.Stories++
			ix.stories[target[g]] = &story{}
			res.New = append(res.New, storyName(target[g]))
		}
	}
	for _, s := range stories {
		if !taken[s] {
			ix.stories[s] = &story{}
			ix.dirty.story(s)
			res.Emptied = append(res.Emptied, storyName(s))
		}
	}
	// The stories, made again from their documents.
	rebuilt := map[int64]*story{}
	for i, m := range all {
		to := target[clusterIndex(groups.Story[i])]
		st := rebuilt[to]
		if st == nil {
			st = &story{ext: ix.stories[to].ext}
			rebuilt[to] = st
			res.Stories = append(res.Stories, storyName(to))
		}
		v, err := m.vector(ctx, ix)
		if err != nil {
			return res, err
		}
		st.add(v, m.doc.Published)
		// The document's record follows it; one that disagreed with the
		// caller's members (an index rebuilt after the placements were
		// made) is set right too.
		if m.num > 0 {
			d, err := ix.loadDoc(ctx, m.num)
			if err != nil {
				return res, err
			}
			if d != nil && d.story != to {
				d.story = to
				ix.dirty.doc(m.num)
			}
		}
		if to == m.from {
			continue
		}
		res.Moves = append(res.Moves, Move{Doc: m.doc.ID, From: storyName(m.from), To: storyName(to)})
		top := v.query(ix.opt.QueryTerms)
		if err := ix.loadPostings(ctx, top); err != nil {
			return res, err
		}
		for _, fid := range top {
			ix.post(fid, to)
		}
	}
	for s, st := range rebuilt {
		ix.stories[s] = st
		ix.dirty.story(s)
	}
	ix.regroupFrom = last
	ix.dirty.meta = true
	return res, nil
}

// StoryOf returns the story of a document this Index placed since it was
// opened; "" when it placed none of that ID.
func (ix *Index) StoryOf(id string) string {
	if d := ix.docs[ix.docNums[id]]; d != nil {
		return storyName(d.story)
	}
	return ""
}

// clusterIndex is the index of a cluster Stories named ("s3": 2).
func clusterIndex(id string) int { return int(storyNum(id)) - 1 }

// vector weighs a document placed before with the document frequencies of
// now, as a unit vector.
func (ix *Index) vector(ctx context.Context, d *Doc) (vec, error) {
	f := ix.x.extract(d)
	if ix.state != nil {
		var keys []int64
		for _, kc := range f.counts {
			if _, ok := ix.voc.df[kc.key]; !ok {
				keys = append(keys, int64(kc.key))
			}
		}
		if err := ix.loadDF(ctx, keys); err != nil {
			return vec{}, err
		}
	}
	tc := make([]termCount, len(f.counts))
	for i, kc := range f.counts {
		tc[i] = termCount{kc.key, kc.n, ix.voc.df[kc.key]}
	}
	v := ix.voc.weigh(tc, f.lang, ix.fw, 1)
	v.normalize()
	return v, nil
}

// vector returns m's vector, weighing it the first time.
func (m *member) vector(ctx context.Context, ix *Index) (*vec, error) {
	if m.v == nil {
		v, err := ix.vector(ctx, &m.doc)
		if err != nil {
			return nil, err
		}
		m.v = &v
	}
	return m.v, nil
}

// neighbours returns the stories other than m's most similar to it, at
// least nearShare of the threshold, at most maxNeighbours.
func (ix *Index) neighbours(ctx context.Context, m *member) ([]int64, error) {
	d, own := &m.doc, m.from
	v, err := m.vector(ctx, ix)
	if err != nil {
		return nil, err
	}
	var top []featKey
	for _, k := range v.query(ix.opt.QueryTerms) {
		if ix.voc.df[k] >= 2 {
			top = append(top, k)
		}
	}
	if err := ix.loadPostings(ctx, top); err != nil {
		return nil, err
	}
	clear(ix.score)
	for _, fid := range top {
		w := v.weight(fid)
		for _, s := range ix.postings[fid] {
			if s != own {
				ix.score[s] += w
			}
		}
	}
	cands := topStories(ix.score, ix.opt.MaxCandidates, nil)
	nums := make([]int64, len(cands))
	for i, c := range cands {
		nums[i] = c.story
	}
	if err := ix.loadStories(ctx, nums); err != nil {
		return nil, err
	}
	var out []storyCand
	for _, c := range cands {
		st := ix.stories[c.story]
		if st.n == 0 || st.n > maxRegroupStory {
			continue
		}
		if w := ix.opt.Window; w > 0 && !d.Published.IsZero() && !st.first.IsZero() &&
			(d.Published.Before(st.first.Add(-w)) || d.Published.After(st.last.Add(w))) {
			continue
		}
		if sim := st.similarity(v); sim >= ix.opt.Threshold*nearShare {
			out = append(out, storyCand{c.story, sim})
		}
	}
	slices.SortStableFunc(out, func(a, b storyCand) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.story, b.story)
	})
	var ns []int64
	for _, c := range out[:min(len(out), maxNeighbours)] {
		ns = append(ns, c.story)
	}
	return ns, nil
}
