package group

import (
	"context"
	"maps"
	"slices"
	"testing"
)

// tracked places documents in an Index and keeps each story's members, as
// the library's store does, for Regroup.
type tracked struct {
	ix      *Index
	storyOf map[string]string
	order   map[string]int
	docs    map[string]Doc
}

func newTracked(ix *Index) *tracked {
	return &tracked{ix: ix, storyOf: map[string]string{}, order: map[string]int{}, docs: map[string]Doc{}}
}

func (tr *tracked) place(t *testing.T, d Doc) {
	t.Helper()
	sid, _, err := tr.ix.Place(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	tr.storyOf[d.ID], tr.order[d.ID], tr.docs[d.ID] = sid, len(tr.order), d
}

func (tr *tracked) members(_ context.Context, sid string) ([]Doc, error) {
	var ids []string
	for id, s := range tr.storyOf {
		if s == sid {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b string) int { return tr.order[a] - tr.order[b] })
	out := make([]Doc, len(ids))
	for i, id := range ids {
		out[i] = tr.docs[id]
	}
	return out, nil
}

func (tr *tracked) regroup(t *testing.T) Regrouped {
	t.Helper()
	res, err := tr.ix.Regroup(context.Background(), tr.members)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range res.Moves {
		if tr.storyOf[m.Doc] != m.From {
			t.Fatalf("%s moved from %s, but it was in %s", m.Doc, m.From, tr.storyOf[m.Doc])
		}
		tr.storyOf[m.Doc] = m.To
	}
	return res
}

// partitionOf returns each document's fellow members, whatever the IDs.
func partitionOf(storyOf map[string]string) map[string]string {
	first := map[string]string{}
	for id, s := range storyOf {
		if f, ok := first[s]; !ok || id < f {
			first[s] = id
		}
	}
	out := map[string]string{}
	for id, s := range storyOf {
		out[id] = first[s]
	}
	return out
}

// Regrouping every document placed into an empty Index gives the stories
// Stories gives for them.
func TestRegroupIsStories(t *testing.T) {
	docs := append(syntheticCorpus(300, 5), fixtureDocs...)
	opt := Options{Window: 0}
	tr := newTracked(NewIndex(opt))
	for _, d := range docs {
		tr.place(t, d)
	}
	before := partitionOf(tr.storyOf)
	res := tr.regroup(t)
	batch := Stories(docs, opt)
	want := map[string]string{}
	for i, d := range docs {
		want[d.ID] = batch.Story[i]
	}
	got, wantP := partitionOf(tr.storyOf), partitionOf(want)
	diff := 0
	for id := range wantP {
		if got[id] != wantP[id] {
			diff++
		}
	}
	changed := 0
	for id := range before {
		if before[id] != got[id] {
			changed++
		}
	}
	t.Logf("%d documents, %d moved, %d stories started, %d emptied; %d placed otherwise than one at a time", res.Docs, len(res.Moves), len(res.New), len(res.Emptied), changed)
	if diff > 0 || res.Docs != len(docs) {
		t.Fatalf("%d of %d documents grouped otherwise than by Stories", diff, len(docs))
	}
	if changed == 0 || len(res.Moves) == 0 {
		t.Fatal("weak test: placing one at a time gave the batch's stories")
	}
	if n, _ := tr.ix.Unregrouped(context.Background()); n != 0 {
		t.Errorf("%d documents wait for a Regroup after one", n)
	}
	// A document placed after the Regroup joins the regrouped stories:
	// the Index's stories are those the Regroup made.
	again, _ := tr.ix.Regroup(context.Background(), tr.members)
	if again.Docs != 0 {
		t.Errorf("a second Regroup with nothing placed regrouped %d documents", again.Docs)
	}
}

// An Index kept in a State, opened again now and then, regroups as one in
// memory that never stopped: same stories, same moves.
func TestRegroupState(t *testing.T) {
	docs := append(syntheticCorpus(400, 9), fixtureDocs...)
	opt := Options{PostingCap: 8, MaxCandidates: 4}
	mem := newTracked(NewIndex(opt))
	st := newMemState()
	kept := newTracked(nil)
	for i, d := range docs {
		if i%97 == 0 {
			ix, _, err := OpenIndex(context.Background(), opt, st)
			if err != nil {
				t.Fatal(err)
			}
			kept.ix = ix
		}
		mem.place(t, d)
		kept.place(t, d)
		if mem.storyOf[d.ID] != kept.storyOf[d.ID] {
			t.Fatalf("doc %d (%s): kept in a State: %s; in memory: %s", i, d.ID, kept.storyOf[d.ID], mem.storyOf[d.ID])
		}
		if i%150 == 149 || i == len(docs)-1 {
			a, b := mem.regroup(t), kept.regroup(t)
			if !slices.Equal(a.Moves, b.Moves) || !slices.Equal(a.New, b.New) || !slices.Equal(a.Emptied, b.Emptied) {
				t.Fatalf("doc %d: regrouped in memory: %d moves, %v new, %v emptied; kept: %d, %v, %v", i, len(a.Moves), a.New, a.Emptied, len(b.Moves), b.New, b.Emptied)
			}
		}
		st.save(kept.ix.Pending())
	}
	if len(mem.storyOf) != len(docs) {
		t.Fatal("documents lost")
	}
}

// A story larger than maxRegroupStory is left as it is, with the
// documents placed in it.
func TestRegroupLeavesLargeStories(t *testing.T) {
	defer func(n int) { maxRegroupStory = n }(maxRegroupStory)
	maxRegroupStory = 8
	tr := newTracked(NewIndex(Options{}))
	for _, d := range append(syntheticCorpus(300, 5), fixtureDocs...) {
		tr.place(t, d)
	}
	before := maps.Clone(tr.storyOf)
	size := map[string]int{}
	for _, s := range before {
		size[s]++
	}
	res := tr.regroup(t)
	for _, m := range res.Moves {
		if size[m.From] > maxRegroupStory {
			t.Errorf("%s moved out of %s, a story of %d", m.Doc, m.From, size[m.From])
		}
	}
	for id, s := range before {
		if size[s] > maxRegroupStory && tr.storyOf[id] != s {
			t.Errorf("%s left %s, a story of %d", id, s, size[s])
		}
	}
	big := 0
	for _, n := range size {
		if n > maxRegroupStory {
			big++
		}
	}
	if big == 0 || len(res.Moves) == 0 {
		t.Fatalf("weak test: %d stories larger than the bound, %d moves", big, len(res.Moves))
	}
}
