package storetest

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
)

// groupValues reads kind's values under keys, failing the test on an error.
func groupValues(t *testing.T, s parallax.Store, kind int, keys ...int64) map[int64][]byte {
	t.Helper()
	m, err := s.GroupState(context.Background(), kind, keys)
	if err != nil {
		t.Fatalf("GroupState(%d, %v): %v", kind, keys, err)
	}
	return m
}

// testGroupState: values round-trip by kind and key (the whole int64
// range: keys are feature hashes), a later value replaces an earlier one,
// a nil value deletes, and Reset deletes everything first.
func testGroupState(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	if m := groupValues(t, s, 1, 1, 2); len(m) != 0 {
		t.Fatalf("empty store: GroupState = %v, want nothing", m)
	}
	if m := groupValues(t, s, 1); len(m) != 0 {
		t.Fatalf("no keys: GroupState = %v, want nothing", m)
	}
	big := make([]byte, 40000) // a story's sums run to tens of kilobytes
	for i := range big {
		big[i] = byte(i * 7)
	}
	vals := []parallax.GroupValue{
		{Kind: 1, Key: math.MinInt64, Value: []byte{1}},
		{Kind: 1, Key: -5, Value: []byte{2, 0, 255}},
		{Kind: 1, Key: math.MaxInt64, Value: big},
		{Kind: 2, Key: -5, Value: []byte{9}}, // same key, other kind
	}
	if err := s.SaveGroupState(ctx, parallax.GroupWrite{Values: vals}); err != nil {
		t.Fatal(err)
	}
	m := groupValues(t, s, 1, math.MinInt64, -5, 7, math.MaxInt64)
	if len(m) != 3 || !bytes.Equal(m[math.MinInt64], []byte{1}) || !bytes.Equal(m[-5], []byte{2, 0, 255}) || !bytes.Equal(m[math.MaxInt64], big) {
		t.Fatalf("GroupState(1) = %d values %v, want the three saved", len(m), m[-5])
	}
	if m := groupValues(t, s, 2, -5); !bytes.Equal(m[-5], []byte{9}) {
		t.Fatalf("GroupState(2, -5) = %v, want [9]", m[-5])
	}
	// Replace one, delete one; the last of two values of one key wins.
	err := s.SaveGroupState(ctx, parallax.GroupWrite{Values: []parallax.GroupValue{
		{Kind: 1, Key: -5, Value: []byte{3}},
		{Kind: 1, Key: -5, Value: []byte{4}},
		{Kind: 1, Key: math.MinInt64},
	}})
	if err != nil {
		t.Fatal(err)
	}
	m = groupValues(t, s, 1, math.MinInt64, -5, math.MaxInt64)
	if _, ok := m[math.MinInt64]; ok || !bytes.Equal(m[-5], []byte{4}) || len(m) != 2 {
		t.Fatalf("after replacing and deleting: %v", m)
	}
	// Reset: only what this write saves is left.
	if err := s.SaveGroupState(ctx, parallax.GroupWrite{Reset: true, Values: []parallax.GroupValue{{Kind: 3, Key: 1, Value: []byte{5}}}}); err != nil {
		t.Fatal(err)
	}
	if m := groupValues(t, s, 1, -5, math.MaxInt64); len(m) != 0 {
		t.Errorf("after Reset, kind 1 still holds %d values", len(m))
	}
	if m := groupValues(t, s, 3, 1); !bytes.Equal(m[1], []byte{5}) {
		t.Errorf("after Reset: GroupState(3, 1) = %v, want [5]", m[1])
	}
}

// testGroupStatePlacement: a placement saved with the index's values is
// recorded as SetPlacement records it, and one that names an unknown
// story or article saves none of the values.
func testGroupStatePlacement(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	story, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SaveGroupState(ctx, parallax.GroupWrite{
		Values:     []parallax.GroupValue{{Kind: 1, Key: 10, Value: []byte{1}}},
		Placements: []parallax.Placement{{ArticleID: ids[1], StoryID: story, DuplicateOf: ids[0]}, {ArticleID: ids[0], StoryID: story}},
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != story || a.DuplicateOf != ids[0] {
		t.Errorf("placed with the index: StoryID %d, DuplicateOf %d; want %d, %d", a.StoryID, a.DuplicateOf, story, ids[0])
	}
	if a, err := s.Article(ctx, ids[0]); err != nil || a.StoryID != story {
		t.Errorf("second placement saved with the index: %v, %v", a, err)
	}
	for _, p := range []parallax.Placement{
		{ArticleID: ids[2], StoryID: story + 100},
		{ArticleID: ids[2] + 100, StoryID: story},
		{ArticleID: ids[2], StoryID: story, DuplicateOf: ids[2] + 100},
	} {
		err := s.SaveGroupState(ctx, parallax.GroupWrite{
			Values: []parallax.GroupValue{{Kind: 1, Key: 10, Value: []byte{2}}, {Kind: 1, Key: 11, Value: []byte{2}}},
			// The good placement first: it is undone with the rest.
			Placements: []parallax.Placement{{ArticleID: ids[2], StoryID: story}, p},
		})
		wantCode(t, "SaveGroupState with an unknown story or article", err, parallax.ENOTFOUND)
		if m := groupValues(t, s, 1, 10, 11); len(m) != 1 || !bytes.Equal(m[10], []byte{1}) {
			t.Errorf("a failed SaveGroupState%+v changed the index: %v", p, m)
		}
	}
	err = s.SaveGroupState(ctx, parallax.GroupWrite{Placements: []parallax.Placement{{ArticleID: ids[2], StoryID: story, DuplicateOf: ids[2]}}})
	wantCode(t, "SaveGroupState placing an article as its own copy", err, parallax.EINVALID)
	if a, err := s.Article(ctx, ids[2]); err != nil || a.StoryID != 0 {
		t.Errorf("after failed placements: article %d in story %d, %v; want none", ids[2], a.StoryID, err)
	}
	// Placed, then moved in the same write: the last placement wins; one
	// that names an unknown story fails the write even when a later one
	// replaces it.
	other, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	err = s.SaveGroupState(ctx, parallax.GroupWrite{Placements: []parallax.Placement{{ArticleID: ids[2], StoryID: other + 100}, {ArticleID: ids[2], StoryID: other}}})
	wantCode(t, "SaveGroupState with a replaced placement to an unknown story", err, parallax.ENOTFOUND)
	err = s.SaveGroupState(ctx, parallax.GroupWrite{Placements: []parallax.Placement{
		{ArticleID: ids[2], StoryID: story, DuplicateOf: ids[0]}, {ArticleID: ids[0], StoryID: other}, {ArticleID: ids[2], StoryID: other}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ id, story, dup int64 }{{ids[2], other, 0}, {ids[0], other, 0}, {ids[1], story, ids[0]}} {
		if a, err := s.Article(ctx, want.id); err != nil || a.StoryID != want.story || a.DuplicateOf != want.dup {
			t.Errorf("after a move in the same write: article %d in story %d, copy of %d (%v); want %d, %d", want.id, a.StoryID, a.DuplicateOf, err, want.story, want.dup)
		}
	}
}

// testGroupStateDeleteStories: a regrouping moves every article of one
// story into another and deletes the emptied one, with its events, in the
// same write; a story that still holds an article is not deleted.
func testGroupStateDeleteStories(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	var stories [3]int64
	for i := range stories {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		stories[i] = id
	}
	err := s.SaveGroupState(ctx, parallax.GroupWrite{Placements: []parallax.Placement{
		{ArticleID: ids[0], StoryID: stories[0]}, {ArticleID: ids[1], StoryID: stories[1]}, {ArticleID: ids[2], StoryID: stories[2]}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddEvents(ctx, []parallax.StoryEvent{{StoryID: stories[1], Kind: parallax.EventOutlet, Subject: "x.example"}}); err != nil {
		t.Fatal(err)
	}
	err = s.SaveGroupState(ctx, parallax.GroupWrite{
		Values:        []parallax.GroupValue{{Kind: 1, Key: 1, Value: []byte{1}}},
		Placements:    []parallax.Placement{{ArticleID: ids[1], StoryID: stories[0]}},
		DeleteStories: []int64{stories[1], stories[2]},
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Story(ctx, stories[1]); parallax.ErrorCode(err) != parallax.ENOTFOUND {
		t.Errorf("the emptied story is still there: %v", err)
	}
	if evs, err := s.Events(ctx, parallax.EventFilter{StoryID: stories[1]}); err != nil || len(evs) != 0 {
		t.Errorf("the emptied story's events: %v, %v", evs, err)
	}
	if _, _, err := s.Story(ctx, stories[2]); err != nil {
		t.Errorf("a story that holds an article was deleted: %v", err)
	}
	if a, err := s.Article(ctx, ids[1]); err != nil || a.StoryID != stories[0] {
		t.Errorf("the moved article: %+v, %v", a, err)
	}
	if a, err := s.Article(ctx, ids[2]); err != nil || a.StoryID != stories[2] {
		t.Errorf("the article of the story kept: %+v, %v", a, err)
	}
}

// storeState keeps a grouping index in a store, as ingest does.
type storeState struct {
	s parallax.Store
}

func (st storeState) GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	return st.s.GroupState(ctx, kind, keys)
}

func (st storeState) save(ctx context.Context, ix *group.Index) error {
	values, reset := ix.Pending()
	w := parallax.GroupWrite{Reset: reset, Values: make([]parallax.GroupValue, len(values))}
	for i, v := range values {
		w.Values[i] = parallax.GroupValue{Kind: v.Kind, Key: v.Key, Value: v.Value}
	}
	return st.s.SaveGroupState(ctx, w)
}

// testGroupStateIndex: an Index kept in the store, saved after every
// document and opened again every few, places documents as one in memory
// does, with its logs (document frequencies, posting lists and buckets)
// short enough to be folded many times: what the store keeps, appends,
// replaces and deletes is what the Index wrote.
func testGroupStateIndex(t *testing.T, s parallax.Store) {
	defer group.SetLogCapacity(500, 400)()
	ctx := context.Background()
	docs := groupDocs(240, 11)
	opt := group.Options{PostingCap: 6, MaxCandidates: 4} // small caps: lists get cut
	mem := group.NewIndex(opt)
	st := storeState{s}
	var ix *group.Index
	var err error
	stories := map[string]bool{}
	for i, d := range docs {
		if i%23 == 0 {
			if ix, _, err = group.OpenIndex(ctx, opt, st); err != nil {
				t.Fatalf("doc %d: OpenIndex: %v", i, err)
			}
		}
		wantStory, wantDup := mem.Add(d)
		story, dup, err := ix.Place(ctx, d)
		if err != nil {
			t.Fatalf("doc %d: Place: %v", i, err)
		}
		if story != wantStory || dup != wantDup {
			t.Fatalf("doc %d: kept in the store: %s, %q; in memory: %s, %q", i, story, dup, wantStory, wantDup)
		}
		stories[story] = true
		if err := st.save(ctx, ix); err != nil {
			t.Fatalf("doc %d: save: %v", i, err)
		}
	}
	if len(stories) < 10 || mem.Stats().Duplicates == 0 {
		t.Fatalf("weak test: %d stories, %+v", len(stories), mem.Stats())
	}
	// Folded along the way: the logs' first rows are gone, the last one
	// is there.
	if m := groupValues(t, s, group.StateDFLog, 0, 1, 2); len(m) != 0 {
		t.Errorf("the frequency log's first rows are still there after folds: %d", len(m))
	}
	if m := groupValues(t, s, group.StateValueLog, 0, 1, 2); len(m) != 0 {
		t.Errorf("the value log's first rows are still there after folds: %d", len(m))
	}
	if n, capacity := ix.ValueLogEntries(); n == 0 || n >= capacity {
		t.Errorf("the value log holds %d entries of %d", n, capacity)
	}
	t.Logf("%d stories, %+v", len(stories), mem.Stats())
}

// groupDocs returns n fictional documents about n/4 events: each tells
// its event in words of its own (names, places, figures, a vocabulary),
// drawn at random with common words, and every tenth copies the one
// before with a word changed.
func groupDocs(n int, seed int64) []group.Doc {
	r := rand.New(rand.NewSource(seed))
	syl := []string{"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "es", "il", "mar", "pen", "qu", "ro", "tis", "ul", "ba"}
	word := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(syl[r.Intn(len(syl))])
		}
		return b.String()
	}
	common := make([]string, 300)
	for i := range common {
		common[i] = word(2)
	}
	start := time.Date(2031, 5, 1, 0, 0, 0, 0, time.UTC)
	var docs []group.Doc
	var own []string
	var name string
	for i := range n {
		if i%4 == 0 {
			name = strings.ToUpper(word(1)[:1]) + word(3)
			own = own[:0]
			for range 20 {
				own = append(own, word(3))
			}
		}
		if i%10 == 9 {
			d := docs[i-1]
			d.ID, d.Text = fmt.Sprintf("a%d", i+1), d.Text+" "+word(3)
			docs = append(docs, d)
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s %d.", name, 1000+r.Intn(9000))
		for range 120 {
			b.WriteString(" ")
			if r.Intn(3) == 0 {
				b.WriteString(own[r.Intn(len(own))])
			} else {
				b.WriteString(common[r.Intn(len(common))])
			}
		}
		docs = append(docs, group.Doc{ID: fmt.Sprintf("a%d", i+1), Title: name, Text: b.String(), Published: start.Add(time.Duration(i) * time.Hour)})
	}
	return docs
}
