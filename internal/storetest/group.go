package storetest

import (
	"bytes"
	"context"
	"math"
	"testing"

	"github.com/parallaxnews/parallax"
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
