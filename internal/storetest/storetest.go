// Package storetest is the one test suite every parallax.Store backend must
// pass. A backend's tests call Run with a function that opens a new, empty
// store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) parallax.Store {
//			db, err := sqlite.Open(filepath.Join(t.TempDir(), "library.db"))
//			if err != nil {
//				t.Fatal(err)
//			}
//			return db
//		})
//	}
//
// Run closes each store when its subtest ends, after the cleanups open
// registered, which may still use it. Benchmark measures a backend
// the same way.
//
// Besides the interface's comments, the suite pins down these choices, which
// every backend shares:
//   - an empty URL or Hash is no key: articles without them are all added;
//   - a Search or StoryFilter.Query is words, "quoted phrases" and word*
//     prefixes, all required; any other character only separates words, so
//     no input is a syntax error, and one without a word is EINVALID;
//   - StoryFilter.Since compares with a story's Last date, or, before its
//     first report, with its articles' dates (published, or else added);
//   - StoryFilter.Outlet ignores case;
//   - StoryArticles, SaveReport and SetPlacement name an unknown story,
//     article or feed with ENOTFOUND, like Article and Story;
//   - EachArticle's fn may itself call the store;
//   - times keep at least microseconds (PostgreSQL's precision; SQLite keeps
//     nanoseconds).
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parallaxnews/parallax"
)

// Run runs the suite, each subtest on a store of its own from open.
func Run(t *testing.T, open func(t *testing.T) parallax.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s parallax.Store)
	}{
		{"AddArticle/RoundTrip", testRoundTrip},
		{"AddArticle/SameURL", testSameURL},
		{"AddArticle/SameHash", testSameHash},
		{"AddArticle/NoKeys", testNoKeys},
		{"AddArticle/Invalid", testAddInvalid},
		{"AddArticle/Concurrent", testConcurrentAdd},
		{"Article/NotFound", testArticleNotFound},
		{"ArticlesSince", testArticlesSince},
		{"EachArticle", testEachArticle},
		{"EachArticle/Stop", testEachArticleStop},
		{"EachArticle/WritesWhileIterating", testEachArticleWrites},
		{"SetPlacement", testSetPlacement},
		{"SetAnalysis", testSetAnalysis},
		{"Unplaced", testUnplaced},
		{"StaleStories", testStaleStories},
		{"StaleStories/Changed", testStaleStoriesChanged},
		{"StaleStories/ComparedMeanwhile", testStaleStoriesComparedMeanwhile},
		{"Story/Report", testReport},
		{"Stories/Order", testStoriesOrder},
		{"Stories/DefaultLimit", testStoriesDefaultLimit},
		{"Stories/Filters", testStoriesFilters},
		{"Search/Ranking", testSearchRanking},
		{"Search/Hits", testSearchHits},
		{"Search/Syntax", testSearchSyntax},
		{"Search/OddQueries", testSearchOdd},
		{"Search/Unicode", testSearchUnicode},
		{"Feeds", testFeeds},
		{"Feeds/Remove", testRemoveFeed},
		{"Reviews", testReviews},
		{"Events", testEvents},
		{"NotFound", testNotFound},
		{"GroupState/RoundTrip", testGroupState},
		{"GroupState/Placement", testGroupStatePlacement},
		{"GroupState/DeleteStories", testGroupStateDeleteStories},
		{"GroupState/Index", testGroupStateIndex},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// Registered first, so that it runs after any cleanup open
			// registers (which may still use the store).
			var s parallax.Store
			t.Cleanup(func() {
				if s == nil {
					return
				}
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			s = open(t)
			tc.fn(t, s)
		})
	}
}

// add stores records that must be new and returns their IDs.
func add(t *testing.T, s parallax.Store, recs ...*parallax.Record) []int64 {
	t.Helper()
	ids := make([]int64, len(recs))
	for i, r := range recs {
		id, created, err := s.AddArticle(context.Background(), r)
		if err != nil {
			t.Fatalf("AddArticle(%q): %v", r.URL, err)
		}
		if !created {
			t.Fatalf("AddArticle(%q): created = false for a new article", r.URL)
		}
		ids[i] = id
	}
	return ids
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: no error, want %s", what, code)
		return
	}
	if got := parallax.ErrorCode(err); got != code {
		t.Errorf("%s: error %q has code %s, want %s", what, err, got, code)
	}
}

// count is the number of stored articles.
func count(t *testing.T, s parallax.Store) int {
	t.Helper()
	n := 0
	if err := s.EachArticle(context.Background(), func(*parallax.Record) error { n++; return nil }); err != nil {
		t.Fatalf("EachArticle: %v", err)
	}
	return n
}

// diffRecord lists how got differs from want, the store's own fields (ID,
// Created, Article.ID) aside.
func diffRecord(want, got *parallax.Record) []string {
	var d []string
	str := func(name, w, g string) {
		if w != g {
			d = append(d, fmt.Sprintf("%s = %q, want %q", name, g, w))
		}
	}
	num := func(name string, w, g int64) {
		if w != g {
			d = append(d, fmt.Sprintf("%s = %d, want %d", name, g, w))
		}
	}
	str("Source", want.Source, got.Source)
	str("URL", want.URL, got.URL)
	str("Outlet", want.Outlet, got.Outlet)
	str("Title", want.Title, got.Title)
	str("Author", want.Author, got.Author)
	if !want.Published.Equal(got.Published) {
		d = append(d, fmt.Sprintf("Published = %v, want %v", got.Published, want.Published))
	}
	if want.PublishedEvidence != got.PublishedEvidence {
		d = append(d, fmt.Sprintf("PublishedEvidence = %v, want %v", got.PublishedEvidence, want.PublishedEvidence))
	}
	str("Language", want.Language, got.Language)
	str("Text", want.Text, got.Text)
	if want.TitleSpan != got.TitleSpan {
		d = append(d, fmt.Sprintf("TitleSpan = %v, want %v", got.TitleSpan, want.TitleSpan))
	}
	if !bytes.Equal(want.Raw, got.Raw) {
		d = append(d, fmt.Sprintf("Raw = %q, want %q", got.Raw, want.Raw))
	}
	str("RawType", want.RawType, got.RawType)
	str("Hash", want.Hash, got.Hash)
	if !bytes.Equal(want.Analysis, got.Analysis) {
		d = append(d, fmt.Sprintf("Analysis = %q, want %q", got.Analysis, want.Analysis))
	}
	num("StoryID", want.StoryID, got.StoryID)
	num("DuplicateOf", want.DuplicateOf, got.DuplicateOf)
	num("FeedID", want.FeedID, got.FeedID)
	num("QueueSeq", want.QueueSeq, got.QueueSeq)
	return d
}

func ids(recs []*parallax.Record) []int64 {
	out := make([]int64, len(recs))
	for i, r := range recs {
		out[i] = r.ID
	}
	return out
}

func testRoundTrip(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	recs := append(bridge(), german(), russian(), undated())
	recs[1].QueueSeq = 42
	before := time.Now()
	got := add(t, s, recs...)
	after := time.Now()
	for i, r := range recs {
		if r.ID != got[i] || r.ID <= 0 {
			t.Errorf("record %d: ID = %d, AddArticle returned %d", i, r.ID, got[i])
		}
		if r.Created.Before(before.Add(-time.Second)) || r.Created.After(after.Add(time.Second)) {
			t.Errorf("record %d: Created = %v, not between %v and %v", i, r.Created, before, after)
		}
		stored, err := s.Article(ctx, r.ID)
		if err != nil {
			t.Fatalf("Article(%d): %v", r.ID, err)
		}
		if stored.ID != r.ID {
			t.Errorf("Article(%d).ID = %d", r.ID, stored.ID)
		}
		if !stored.Created.Equal(r.Created) {
			t.Errorf("Article(%d).Created = %v, AddArticle set %v", r.ID, stored.Created, r.Created)
		}
		if stored.Published.Location() != time.UTC && !stored.Published.IsZero() {
			t.Errorf("Article(%d).Published = %v, want UTC", r.ID, stored.Published)
		}
		for _, d := range diffRecord(r, stored) {
			t.Errorf("Article(%d): %s", r.ID, d)
		}
	}
	if slices.Contains(got, 0) || len(slices.Compact(slices.Sorted(slices.Values(got)))) != len(got) {
		t.Errorf("IDs %v are not distinct and non-zero", got)
	}
}

func testSameURL(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	first := bridge()[0]
	id := add(t, s, first)[0]
	again := bridge()[0]
	again.Title = "Updated headline"
	again.Text = "Different text, so a different hash."
	again.Hash = Hash(again.Text)
	got, created, err := s.AddArticle(ctx, again)
	if err != nil || created || got != id {
		t.Fatalf("AddArticle(same URL) = %d, %v, %v; want %d, false, nil", got, created, err, id)
	}
	if again.ID != 0 || !again.Created.IsZero() {
		t.Errorf("AddArticle(same URL) set ID %d, Created %v on the record it did not store", again.ID, again.Created)
	}
	stored, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range diffRecord(first, stored) {
		t.Errorf("after adding the same URL again: %s", d)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
}

func testSameHash(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	first := flood()[0]
	id := add(t, s, first)[0]
	// The same text found at another address (a syndicated copy).
	copied := flood()[0]
	copied.URL = "https://elsewhere.example/copy"
	copied.Outlet = "elsewhere.example"
	got, created, err := s.AddArticle(ctx, copied)
	if err != nil || created || got != id {
		t.Fatalf("AddArticle(same hash, other URL) = %d, %v, %v; want %d, false, nil", got, created, err, id)
	}
	// And pasted in with no URL at all.
	pasted := flood()[0]
	pasted.URL = ""
	got, created, err = s.AddArticle(ctx, pasted)
	if err != nil || created || got != id {
		t.Fatalf("AddArticle(same hash, no URL) = %d, %v, %v; want %d, false, nil", got, created, err, id)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d articles stored, want 1", n)
	}
	if a, err := s.Article(ctx, id); err != nil || a.URL != first.URL || a.Outlet != first.Outlet {
		t.Errorf("Article(%d) = %+v, %v; want the first as it was", id, a, err)
	}
}

func testNoKeys(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	a, b := undated(), undated()
	b.Text = "Another letter, on another subject."
	b.Hash = Hash(b.Text)
	add(t, s, a, b)
	// Neither URL nor hash: nothing to know it by, so each is new.
	for i := 0; i < 2; i++ {
		r := undated()
		r.Hash = ""
		if _, created, err := s.AddArticle(ctx, r); err != nil || !created {
			t.Fatalf("AddArticle(no URL, no hash) = %v, %v; want created", created, err)
		}
	}
	if n := count(t, s); n != 4 {
		t.Errorf("%d articles stored, want 4", n)
	}
}

func testAddInvalid(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	// A placement in a story that does not exist fails, and writes nothing:
	// not the article, and not its URL either.
	r := tram()[0]
	r.StoryID = 999
	if _, _, err := s.AddArticle(ctx, r); err == nil {
		t.Fatal("AddArticle with an unknown story: no error")
	}
	r = tram()[0]
	r.FeedID = 999
	if _, _, err := s.AddArticle(ctx, r); err == nil {
		t.Fatal("AddArticle with an unknown feed: no error")
	}
	if n := count(t, s); n != 0 {
		t.Fatalf("%d articles stored after failed adds, want 0", n)
	}
	if hits, err := s.Search(ctx, "tram", 0); err != nil || len(hits) != 0 {
		t.Errorf("Search(tram) after failed adds = %v, %v; want nothing", hits, err)
	}
	add(t, s, tram()[0])
	if _, _, err := s.AddArticle(ctx, nil); err == nil {
		t.Error("AddArticle(nil): no error")
	}
}

func testConcurrentAdd(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	const n = 8
	var wg sync.WaitGroup
	type result struct {
		id      int64
		created bool
		err     error
	}
	byURL := make([]result, n)
	byHash := make([]result, n)
	for i := 0; i < n; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			// Same URL, each with its own text.
			r := bridge()[0]
			r.Text = fmt.Sprintf("%s (version %d)", r.Text, i)
			r.Hash = Hash(r.Text)
			byURL[i].id, byURL[i].created, byURL[i].err = s.AddArticle(ctx, r)
		}()
		go func() {
			defer wg.Done()
			// Same text, each at its own URL.
			r := flood()[1]
			r.URL = fmt.Sprintf("https://mirror%d.example/flood", i)
			byHash[i].id, byHash[i].created, byHash[i].err = s.AddArticle(ctx, r)
		}()
	}
	wg.Wait()
	for name, results := range map[string][]result{"same URL": byURL, "same hash": byHash} {
		created := 0
		for i, r := range results {
			if r.err != nil {
				t.Fatalf("%s, goroutine %d: %v", name, i, r.err)
			}
			if r.created {
				created++
			}
			if r.id != results[0].id {
				t.Errorf("%s: goroutine %d got ID %d, goroutine 0 got %d", name, i, r.id, results[0].id)
			}
		}
		if created != 1 {
			t.Errorf("%s: %d goroutines created the article, want 1", name, created)
		}
	}
	if n := count(t, s); n != 2 {
		t.Errorf("%d articles stored, want 2", n)
	}
}

func testArticleNotFound(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	_, err := s.Article(ctx, 1)
	wantCode(t, "Article(1) in an empty store", err, parallax.ENOTFOUND)
	id := add(t, s, flood()[0])[0]
	_, err = s.Article(ctx, id+1)
	wantCode(t, "Article(unknown)", err, parallax.ENOTFOUND)
	_, err = s.Article(ctx, -1)
	wantCode(t, "Article(-1)", err, parallax.ENOTFOUND)
}

func testArticlesSince(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	// Added out of date order: ArticlesSince sorts by date, not by ID.
	tr, fl, br := tram(), flood(), bridge()
	ids := map[string]int64{}
	for _, r := range []*parallax.Record{tr[1], fl[0], br[0], undated(), tr[0], br[2], fl[1], br[1]} {
		ids[r.URL+r.Source] = add(t, s, r)[0]
	}
	id := func(r *parallax.Record) int64 { return ids[r.URL+r.Source] }
	undatedID := id(undated())

	all, err := s.ArticlesSince(ctx, time.Time{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{id(br[0]), id(br[1]), id(br[2]), id(fl[0]), id(fl[1]), id(tr[0]), id(tr[1]), undatedID}
	if got := idsOf(all); !slices.Equal(got, want) {
		t.Errorf("ArticlesSince(zero) = %v, want %v (oldest first, undated by when added)", got, want)
	}

	// At or after: the flood's first article is published at exactly since.
	since := fl[0].Published
	got, err := s.ArticlesSince(ctx, since.UTC(), 0)
	if err != nil {
		t.Fatal(err)
	}
	want = []int64{id(fl[0]), id(fl[1]), id(tr[0]), id(tr[1]), undatedID}
	if !slices.Equal(idsOf(got), want) {
		t.Errorf("ArticlesSince(%v) = %v, want %v", since, idsOf(got), want)
	}
	got, err = s.ArticlesSince(ctx, since.Add(time.Nanosecond), 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{id(fl[1]), id(tr[0])}; !slices.Equal(idsOf(got), want) {
		t.Errorf("ArticlesSince(just after, limit 2) = %v, want %v", idsOf(got), want)
	}
	for _, r := range got {
		if r.Text == "" || r.Hash == "" || r.Outlet == "" {
			t.Errorf("ArticlesSince returned a partial record: %+v", r.Article)
		}
	}
	got, err = s.ArticlesSince(ctx, time.Now().Add(time.Hour), 0)
	if err != nil || len(got) != 0 {
		t.Errorf("ArticlesSince(future) = %v, %v; want nothing", idsOf(got), err)
	}
}

func idsOf(recs []*parallax.Record) []int64 { return ids(recs) }

func testEachArticle(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	// Enough to page through, if a backend reads in batches.
	var want []int64
	for i := 0; i < 300; i++ {
		want = append(want, add(t, s, filler(i))...)
	}
	var got []int64
	err := s.EachArticle(ctx, func(r *parallax.Record) error {
		got = append(got, r.ID)
		if r.Text == "" {
			return fmt.Errorf("article %d without text", r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("EachArticle visited %d articles (%v…), want %d in ID order", len(got), got[:min(len(got), 5)], len(want))
	}
}

func testEachArticleStop(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	add(t, s, bridge()...)
	add(t, s, flood()...)
	stop := errors.New("enough")
	calls := 0
	err := s.EachArticle(ctx, func(*parallax.Record) error {
		calls++
		if calls == 2 {
			return fmt.Errorf("at the second: %w", stop)
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("EachArticle returned %v, want fn's error", err)
	}
	if calls != 2 {
		t.Errorf("fn called %d times after returning an error at 2", calls)
	}
	if err := s.EachArticle(ctx, func(*parallax.Record) error { return nil }); err != nil {
		t.Errorf("EachArticle on an empty fn: %v", err)
	}
}

func testEachArticleWrites(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	recs := append(bridge(), flood()...)
	add(t, s, recs...)
	story, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Rebuilding placements walks the library and writes as it goes.
	done := make(chan error, 1)
	go func() {
		done <- s.EachArticle(ctx, func(r *parallax.Record) error {
			return s.SetPlacement(ctx, r.ID, story, 0)
		})
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("EachArticle with SetPlacement in fn: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("EachArticle with SetPlacement in fn did not finish: deadlock?")
	}
	got, err := s.StoryArticles(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(recs) {
		t.Errorf("story has %d articles, want %d", len(got), len(recs))
	}
}

func testSetPlacement(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	br := bridge()
	ids := add(t, s, br...)
	other := add(t, s, flood()[0])[0]
	story, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	story2, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if story == story2 || story <= 0 || story2 <= 0 {
		t.Fatalf("CreateStory returned %d and %d", story, story2)
	}
	empty, err := s.StoryArticles(ctx, story)
	if err != nil || len(empty) != 0 {
		t.Fatalf("StoryArticles(new story) = %v, %v; want none", idsOf(empty), err)
	}
	// Placed in reverse order: StoryArticles is in ID order all the same.
	for _, p := range [][3]int64{{ids[2], story, 0}, {ids[1], story, 0}, {ids[0], story, ids[1]}, {other, story2, 0}} {
		if err := s.SetPlacement(ctx, p[0], p[1], p[2]); err != nil {
			t.Fatalf("SetPlacement%v: %v", p, err)
		}
	}
	got, err := s.StoryArticles(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(idsOf(got), ids) {
		t.Errorf("StoryArticles = %v, want %v", idsOf(got), ids)
	}
	a, err := s.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != story || a.DuplicateOf != ids[1] {
		t.Errorf("placed article: StoryID %d, DuplicateOf %d; want %d, %d", a.StoryID, a.DuplicateOf, story, ids[1])
	}
	// Moving one article, and clearing another's placement.
	if err := s.SetPlacement(ctx, ids[2], story2, 0); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlacement(ctx, ids[0], 0, 0); err != nil {
		t.Fatal(err)
	}
	a, err = s.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID != 0 || a.DuplicateOf != 0 {
		t.Errorf("cleared placement: StoryID %d, DuplicateOf %d", a.StoryID, a.DuplicateOf)
	}
	got, _ = s.StoryArticles(ctx, story)
	if want := []int64{ids[1]}; !slices.Equal(idsOf(got), want) {
		t.Errorf("StoryArticles after moves = %v, want %v", idsOf(got), want)
	}
	got, _ = s.StoryArticles(ctx, story2)
	if want := []int64{ids[2], other}; !slices.Equal(idsOf(got), want) {
		t.Errorf("StoryArticles(story2) = %v, want %v", idsOf(got), want)
	}

	wantCode(t, "SetPlacement(unknown article)", s.SetPlacement(ctx, other+100, story, 0), parallax.ENOTFOUND)
	wantCode(t, "SetPlacement(unknown story)", s.SetPlacement(ctx, ids[1], story2+100, 0), parallax.ENOTFOUND)
	wantCode(t, "SetPlacement(unknown duplicate)", s.SetPlacement(ctx, ids[1], story, other+100), parallax.ENOTFOUND)
	if err := s.SetPlacement(ctx, ids[1], story, ids[1]); err == nil {
		t.Error("SetPlacement(an article a copy of itself): no error")
	}
	// The failures changed nothing.
	a, _ = s.Article(ctx, ids[1])
	if a.StoryID != story || a.DuplicateOf != 0 {
		t.Errorf("after failed placements: StoryID %d, DuplicateOf %d; want %d, 0", a.StoryID, a.DuplicateOf, story)
	}
}

func testUnplaced(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	recs := append(bridge(), flood()...)
	// Three came through the work queue, out of ID order; two did not.
	recs[0].QueueSeq, recs[2].QueueSeq, recs[3].QueueSeq = 9, 7, 8
	ids := add(t, s, recs...)
	story, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetPlacement(ctx, ids[3], story, 0); err != nil {
		t.Fatal(err)
	}
	got, err := s.Unplaced(ctx, 10)
	if want := []int64{ids[1], ids[4], ids[2], ids[0]}; err != nil || !slices.Equal(idsOf(got), want) {
		t.Errorf("Unplaced(10) = %v, %v; want %v: those without a queue place first, by ID, then by queue place", idsOf(got), err, want)
	}
	if len(got) > 0 && (got[0].Text == "" || got[0].Hash == "" || len(got[0].Analysis) == 0 || got[0].Raw != nil) {
		t.Errorf("Unplaced returned %+v: want every field but Raw", got[0])
	}
	if len(got) == 4 && got[3].QueueSeq != 9 {
		t.Errorf("Unplaced: QueueSeq %d, want 9", got[3].QueueSeq)
	}
	got, err = s.Unplaced(ctx, 2)
	if want := []int64{ids[1], ids[4]}; err != nil || !slices.Equal(idsOf(got), want) {
		t.Errorf("Unplaced(2) = %v, %v; want %v", idsOf(got), err, want)
	}
	if _, err := s.Unplaced(ctx, 0); err == nil {
		t.Error("Unplaced(0): no error")
	}
}

func testStaleStories(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	var sids []int64
	for i := 0; i < 4; i++ {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sids = append(sids, id)
	}
	// sids[0]: two articles, compared with two; sids[1]: one article, never
	// compared; sids[2]: compared with one article, holds none now;
	// sids[3]: empty, never compared (what a placer stopped before saving
	// a new story's first placement leaves).
	s.SetPlacement(ctx, ids[0], sids[0], 0)
	s.SetPlacement(ctx, ids[1], sids[0], 0)
	s.SetPlacement(ctx, ids[2], sids[1], 0)
	saveReport(t, s, sids[0], 2)
	saveReport(t, s, sids[2], 1)
	got, err := s.StaleStories(ctx, 10)
	if want := []int64{sids[1], sids[2], sids[3]}; err != nil || !slices.Equal(got, want) {
		t.Errorf("StaleStories = %v, %v; want %v", got, err, want)
	}
	if got, err := s.StaleStories(ctx, 1); err != nil || len(got) != 1 {
		t.Errorf("StaleStories(limit 1) = %v, %v", got, err)
	}
	if _, err := s.StaleStories(ctx, 0); err == nil {
		t.Error("StaleStories(0): no error")
	}
}

// A story is out of date too when its articles changed and its count did
// not (one moved in, one out) or an article's analysis changed; its next
// report brings it up to date.
func testStaleStoriesChanged(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	var sids []int64
	for i := 0; i < 3; i++ {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sids = append(sids, id)
	}
	place := func(article, story int64) {
		t.Helper()
		if err := s.SetPlacement(ctx, article, story, 0); err != nil {
			t.Fatal(err)
		}
	}
	report := func(story int64, articles int) {
		t.Helper()
		saveReport(t, s, story, articles)
	}
	stale := func(want ...int64) {
		t.Helper()
		if got, err := s.StaleStories(ctx, 10); err != nil || !slices.Equal(got, want) {
			t.Errorf("StaleStories = %v, %v; want %v", got, err, want)
		}
	}
	place(ids[0], sids[0])
	place(ids[1], sids[1])
	report(sids[0], 1)
	report(sids[1], 1)
	report(sids[2], 0)
	stale()
	// ids[0] and ids[1] change stories: both still count one article.
	place(ids[0], sids[1])
	place(ids[1], sids[0])
	stale(sids[0], sids[1])
	report(sids[0], 1)
	report(sids[1], 1)
	stale()
	// The same analysis again changes nothing; another one does.
	r, err := s.Article(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetAnalysis(ctx, ids[0], r.Analysis); err != nil {
		t.Fatal(err)
	}
	stale()
	if err := s.SetAnalysis(ctx, ids[0], []byte(`{"changed":true}`)); err != nil {
		t.Fatal(err)
	}
	stale(sids[1])
	report(sids[1], 1)
	stale()
	// An article that leaves for no story: its old story is out of date.
	place(ids[0], 0)
	stale(sids[1])
}

// saveReport saves a report of a story as a comparison of the story as it
// is now does: its change counter read first (Story).
func saveReport(t *testing.T, s parallax.Store, story int64, articles int) {
	t.Helper()
	ctx := context.Background()
	info, _, err := s.Story(ctx, story)
	if err != nil {
		t.Fatal(err)
	}
	info.Articles = articles
	if err := s.SaveReport(ctx, info, []byte("{}")); err != nil {
		t.Fatal(err)
	}
}

// A comparison of a story that another process changed while it ran (it
// read the story, then the story changed, then it saved its report) does
// not bring the story up to date, even when the story's count of articles
// is what it saw (one article moved in and one out); the next comparison
// does. The changes come as a placing worker makes them (SaveGroupState)
// and as reanalyze does (SetAnalysis).
func testStaleStoriesComparedMeanwhile(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	var sids []int64
	for i := 0; i < 2; i++ {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sids = append(sids, id)
	}
	stale := func(want ...int64) {
		t.Helper()
		if got, err := s.StaleStories(ctx, 10); err != nil || !slices.Equal(got, want) {
			t.Errorf("StaleStories = %v, %v; want %v", got, err, want)
		}
	}
	place := func(ps ...parallax.Placement) {
		t.Helper()
		if err := s.SaveGroupState(ctx, parallax.GroupWrite{Placements: ps}); err != nil {
			t.Fatal(err)
		}
	}
	// read is the start of a comparison: the story, then its articles.
	read := func(story int64) parallax.StoryInfo {
		t.Helper()
		info, _, err := s.Story(ctx, story)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := s.StoryArticles(ctx, story)
		if err != nil {
			t.Fatal(err)
		}
		info.Articles = len(recs)
		return info
	}
	save := func(info parallax.StoryInfo) {
		t.Helper()
		if err := s.SaveReport(ctx, info, []byte("{}")); err != nil {
			t.Fatal(err)
		}
	}
	place(parallax.Placement{ArticleID: ids[0], StoryID: sids[0]}, parallax.Placement{ArticleID: ids[1], StoryID: sids[1]},
		parallax.Placement{ArticleID: ids[2], StoryID: sids[1]})
	save(read(sids[0]))
	save(read(sids[1]))
	stale()

	// sids[0] is compared while ids[1] moves in and ids[0] out.
	info := read(sids[0])
	place(parallax.Placement{ArticleID: ids[1], StoryID: sids[0]}, parallax.Placement{ArticleID: ids[0], StoryID: sids[1]})
	save(info)
	stale(sids[0], sids[1])
	if got, _, err := s.Story(ctx, sids[0]); err != nil || got.Articles != 1 {
		t.Errorf("the report saved meanwhile: %+v, %v", got, err)
	}
	save(read(sids[0]))
	save(read(sids[1]))
	stale()

	// sids[1] is compared while an analysis of its articles is replaced,
	// and again while another is (its flag set already).
	info = read(sids[1])
	if err := s.SetAnalysis(ctx, ids[2], []byte(`{"changed":1}`)); err != nil {
		t.Fatal(err)
	}
	save(info)
	stale(sids[1])
	info = read(sids[1])
	if err := s.SetAnalysis(ctx, ids[2], []byte(`{"changed":2}`)); err != nil {
		t.Fatal(err)
	}
	save(info)
	stale(sids[1])
	save(read(sids[1]))
	stale()

	// ids[2] moves; two comparisons of sids[0] after, the first saved
	// last: both saw the story as it is, either brings it up to date.
	place(parallax.Placement{ArticleID: ids[2], StoryID: sids[0]})
	stale(sids[0], sids[1])
	first, second := read(sids[0]), read(sids[0])
	save(second)
	save(first)
	stale(sids[1])
}

func testSetAnalysis(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	ids := add(t, s, bridge()...)
	want := []byte(`{"v":2,"language":"en","sentences":[{"start":0,"end":5}]}`)
	if err := s.SetAnalysis(ctx, ids[1], want); err != nil {
		t.Fatal(err)
	}
	for i, id := range ids {
		r, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		w := bridge()[i].Analysis
		if i == 1 {
			w = want
		}
		if !bytes.Equal(r.Analysis, w) {
			t.Errorf("article %d: analysis %s, want %s", id, r.Analysis, w)
		}
	}
	wantCode(t, "SetAnalysis(unknown article)", s.SetAnalysis(ctx, ids[2]+100, want), parallax.ENOTFOUND)
}

func testReport(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	id, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	info, report, err := s.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if info.ID != id || info.Title != "" || info.Articles != 0 || !info.Updated.IsZero() || report != nil {
		t.Errorf("new story = %+v, report %q; want empty", info, report)
	}
	want := parallax.StoryInfo{
		ID: id, Title: "Harbor bridge in Velmora closed after inspectors find crack",
		Articles: 3, Outlets: 3, Conflicts: 1,
		First: day(4, 9), Last: day(11, 8),
		Updated: time.Date(2024, 3, 11, 9, 0, 0, 987654321, cet),
	}
	rep := []byte(`{"story":"Velmora bridge","conflicts":[{"kind":"count","values":["14,000","12,000"]}]}`)
	if err := s.SaveReport(ctx, want, rep); err != nil {
		t.Fatal(err)
	}
	got, gotRep, err := s.Story(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !sameInfo(got, want) {
		t.Errorf("Story = %+v, want %+v", got, want)
	}
	if !bytes.Equal(gotRep, rep) {
		t.Errorf("report = %q, want %q", gotRep, rep)
	}
	// A second report replaces the first; a zero Updated becomes now.
	want.Articles, want.Conflicts, want.Updated = 4, 0, time.Time{}
	rep2 := []byte(`{"story":"Velmora bridge","conflicts":[]}`)
	before := time.Now()
	if err := s.SaveReport(ctx, want, rep2); err != nil {
		t.Fatal(err)
	}
	got, gotRep, _ = s.Story(ctx, id)
	if got.Articles != 4 || got.Conflicts != 0 || !bytes.Equal(gotRep, rep2) {
		t.Errorf("after a second report: %+v, %q", got, gotRep)
	}
	if got.Updated.Before(before.Add(-time.Second)) || got.Updated.After(time.Now().Add(time.Second)) {
		t.Errorf("Updated = %v, want about now", got.Updated)
	}
	list, err := s.Stories(ctx, parallax.StoryFilter{})
	if err != nil || len(list) != 1 || list[0].ID != id || list[0].Articles != 4 {
		t.Errorf("Stories = %+v, %v", list, err)
	}
	wantCode(t, "SaveReport(unknown story)", s.SaveReport(ctx, parallax.StoryInfo{ID: id + 1}, rep), parallax.ENOTFOUND)
	if _, _, err := s.Story(ctx, id+1); err == nil {
		t.Error("SaveReport(unknown story) created it")
	}
}

func sameInfo(a, b parallax.StoryInfo) bool {
	return a.ID == b.ID && a.Title == b.Title && a.Articles == b.Articles && a.Outlets == b.Outlets &&
		a.Conflicts == b.Conflicts && sameTime(a.First, b.First) && sameTime(a.Last, b.Last) && sameTime(a.Updated, b.Updated)
}

// sameTime compares times to the microsecond, the precision every backend keeps.
func sameTime(a, b time.Time) bool {
	return a.Truncate(time.Microsecond).Equal(b.Truncate(time.Microsecond))
}

func storyIDs(list []parallax.StoryInfo) []int64 {
	out := make([]int64, len(list))
	for i, s := range list {
		out[i] = s.ID
	}
	return out
}

func testStoriesOrder(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	var ids []int64
	for i := 0; i < 5; i++ {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	// Updated: ids[0] latest, ids[2] and ids[3] tied, ids[1] earliest,
	// ids[4] never reported.
	updated := map[int]time.Time{0: day(20, 0), 1: day(5, 0), 2: day(10, 0), 3: day(10, 0)}
	for i, u := range updated {
		info := parallax.StoryInfo{ID: ids[i], Title: fmt.Sprintf("story %d", i), Updated: u}
		if err := s.SaveReport(ctx, info, []byte("{}")); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Stories(ctx, parallax.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	want := []int64{ids[0], ids[3], ids[2], ids[1], ids[4]}
	if !slices.Equal(storyIDs(all), want) {
		t.Errorf("Stories = %v, want %v (updated desc, then ID desc, unreported last)", storyIDs(all), want)
	}
	page, err := s.Stories(ctx, parallax.StoryFilter{Limit: 2, Offset: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(storyIDs(page), want[1:3]) {
		t.Errorf("Stories(limit 2, offset 1) = %v, want %v", storyIDs(page), want[1:3])
	}
	page, err = s.Stories(ctx, parallax.StoryFilter{Offset: 10})
	if err != nil || len(page) != 0 {
		t.Errorf("Stories(offset past the end) = %v, %v", storyIDs(page), err)
	}
}

func testStoriesDefaultLimit(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	for i := 0; i < 55; i++ {
		if _, err := s.CreateStory(ctx); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Stories(ctx, parallax.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 50 {
		t.Errorf("Stories(no limit) returned %d, want the default 50", len(list))
	}
	list, err = s.Stories(ctx, parallax.StoryFilter{Limit: 100})
	if err != nil || len(list) != 55 {
		t.Errorf("Stories(limit 100) returned %d, %v; want 55", len(list), err)
	}
}

// stories stores the three fixture stories, places their articles and saves
// the first two's reports; the third is not reported yet.
func stories(t *testing.T, s parallax.Store) (bridgeID, floodID, tramID int64) {
	t.Helper()
	ctx := context.Background()
	var out [3]int64
	for i, recs := range [][]*parallax.Record{bridge(), flood(), tram()} {
		id, err := s.CreateStory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = id
		for _, aid := range add(t, s, recs...) {
			if err := s.SetPlacement(ctx, aid, id, 0); err != nil {
				t.Fatal(err)
			}
		}
		if i == 2 {
			continue
		}
		first, last := recs[0].Published, recs[0].Published
		outlets := map[string]bool{}
		for _, r := range recs {
			first = minTime(first, r.Published)
			last = maxTime(last, r.Published)
			outlets[r.Outlet] = true
		}
		info := parallax.StoryInfo{ID: id, Title: recs[0].Title, Articles: len(recs), Outlets: len(outlets),
			First: first, Last: last, Updated: last.Add(time.Hour)}
		if err := s.SaveReport(ctx, info, []byte(`{}`)); err != nil {
			t.Fatal(err)
		}
	}
	// An article in no story.
	add(t, s, german())
	return out[0], out[1], out[2]
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func testStoriesFilters(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	br, fl, tr := stories(t, s)
	// Unreported stories list after reported ones.
	cases := []struct {
		name string
		f    parallax.StoryFilter
		want []int64
	}{
		{"all", parallax.StoryFilter{}, []int64{fl, br, tr}},
		// The bridge's last article is on the 11th, the flood's on the 18th;
		// the tram story has no report, but articles on the 25th and 26th.
		{"since the 12th", parallax.StoryFilter{Since: day(12, 0)}, []int64{fl, tr}},
		{"since the bridge's last article", parallax.StoryFilter{Since: day(11, 8).UTC()}, []int64{fl, br, tr}},
		{"since the 26th", parallax.StoryFilter{Since: day(26, 0)}, []int64{tr}},
		{"since April", parallax.StoryFilter{Since: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)}, nil},
		{"query", parallax.StoryFilter{Query: "crack"}, []int64{br}},
		{"query two words", parallax.StoryFilter{Query: "council tram"}, []int64{tr}},
		{"query in the text of an article in no story", parallax.StoryFilter{Query: "Brücke"}, nil},
		{"query nowhere", parallax.StoryFilter{Query: "volcano"}, nil},
		{"query in several", parallax.StoryFilter{Query: "Monday"}, []int64{br, tr}},
		{"outlet", parallax.StoryFilter{Outlet: herald}, []int64{br, tr}},
		{"outlet any case", parallax.StoryFilter{Outlet: strings.ToUpper(courier)}, []int64{fl, br}},
		{"outlet unknown", parallax.StoryFilter{Outlet: "nowhere.example"}, nil},
		{"outlet of an article in no story", parallax.StoryFilter{Outlet: zeitung}, nil},
		{"all filters", parallax.StoryFilter{Since: day(12, 0), Query: "fares", Outlet: herald}, []int64{tr}},
		{"filters that exclude each other", parallax.StoryFilter{Query: "flood", Outlet: herald}, nil},
		{"query and limit", parallax.StoryFilter{Query: "Monday", Limit: 1}, []int64{br}},
		{"outlet and offset", parallax.StoryFilter{Outlet: courier, Offset: 1}, []int64{br}},
	}
	for _, c := range cases {
		got, err := s.Stories(ctx, c.f)
		if err != nil {
			t.Errorf("%s: Stories(%+v): %v", c.name, c.f, err)
			continue
		}
		if !slices.Equal(storyIDs(got), c.want) {
			t.Errorf("%s: Stories(%+v) = %v, want %v (bridge %d, flood %d, tram %d)", c.name, c.f, storyIDs(got), c.want, br, fl, tr)
		}
	}
	for _, q := range []string{`"`, "*", "-", "()"} {
		_, err := s.Stories(ctx, parallax.StoryFilter{Query: q})
		wantCode(t, fmt.Sprintf("Stories(Query %q)", q), err, parallax.EINVALID)
	}
	got, err := s.Stories(ctx, parallax.StoryFilter{Query: "'; DROP TABLE stories; --"})
	if err != nil {
		t.Errorf("Stories(Query with SQL): %v", err)
	}
	if all, _ := s.Stories(ctx, parallax.StoryFilter{}); len(all) != 3 {
		t.Errorf("after an SQL-like query: %d stories (%v)", len(all), storyIDs(got))
	}
}

func testSearchRanking(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	// A headline match outranks a passing mention in a text of like length.
	mention := record(wire, "council-roundup", day(27, 9), "Council roundup for the week",
		"Councillors debated parking rules, a new library wing and, briefly, the ferry timetable. "+
			"The meeting ran past midnight and ended with a vote on street lighting.")
	headline := record(courier, "ferry-strike", day(27, 10), "Ferry crews strike over rosters",
		"Crews walked out at dawn after talks on new rosters failed, stranding passengers on both shores. "+
			"Operators said services would resume once an agreement is reached.")
	// Many mentions outrank one.
	often := record(herald, "ferry-history", day(27, 11), "A short history of the crossing",
		"The ferry began as a rowing boat. The ferry grew to a steam ferry, and the ferry of today "+
			"carries four hundred cars a day on the ferry route across the sound.")
	ids := add(t, s, mention, headline, often, tram()[0])
	hits, err := s.Search(ctx, "ferry", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(hits); len(got) != 3 || got[2] != ids[0] {
		t.Errorf("Search(ferry) = %v, want all three with the passing mention %d last", got, ids[0])
	}
	if len(hits) > 0 && hits[0].ID != ids[1] && hits[0].ID != ids[2] {
		t.Errorf("Search(ferry) ranks %d first", hits[0].ID)
	}
	hits, err = s.Search(ctx, "ferry crews", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := hitIDs(hits); !slices.Equal(got, []int64{ids[1]}) {
		t.Errorf("Search(ferry crews) = %v, want only %d: every word is required", got, ids[1])
	}
	hits, err = s.Search(ctx, "ferry", 1)
	if err != nil || len(hits) != 1 {
		t.Errorf("Search(ferry, limit 1) = %d hits, %v", len(hits), err)
	}
}

func hitIDs(hits []parallax.ArticleHit) []int64 {
	out := make([]int64, len(hits))
	for i, h := range hits {
		out[i] = h.ID
	}
	return out
}

func testSearchHits(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	br, _, _ := stories(t, s)
	hits, err := s.Search(ctx, "inspectors", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 {
		t.Fatalf("Search(inspectors) = %+v, want the bridge article", hits)
	}
	h, want := hits[0], bridge()[0]
	if h.StoryID != br || h.Outlet != want.Outlet || h.Title != want.Title || h.URL != want.URL || !h.Published.Equal(want.Published) {
		t.Errorf("hit = %+v, want story %d and the article's outlet, title, URL and date", h, br)
	}
	if !strings.Contains(strings.ToLower(h.Snippet), "inspectors") || len(h.Snippet) > len(want.Text) {
		t.Errorf("snippet %q: want a few words around the match", h.Snippet)
	}
	// An undated article, in no story, with no URL.
	id := add(t, s, undated())[0]
	hits, err = s.Search(ctx, "letter editor", 0)
	if err != nil || len(hits) != 1 {
		t.Fatalf("Search(letter editor) = %+v, %v", hits, err)
	}
	if h := hits[0]; h.ID != id || h.StoryID != 0 || h.URL != "" || !h.Published.IsZero() || h.Outlet != "letters" {
		t.Errorf("hit on an undated article = %+v", h)
	}
	if _, err := s.Search(ctx, "bridge", -1); err == nil {
		t.Error("Search with a negative limit: no error")
	}
}

func testSearchSyntax(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	recs := append(bridge(), flood()...)
	recs = append(recs, tram()...)
	ids := add(t, s, recs...)
	idOf := map[string]int64{}
	for i, r := range recs {
		idOf[r.URL] = ids[i]
	}
	br, fl, tr := bridge(), flood(), tram()
	cases := []struct {
		q    string
		want []*parallax.Record // in any order
	}{
		{"harbor", []*parallax.Record{br[0], br[1], br[2]}},
		{"HARBOR", []*parallax.Record{br[0], br[1], br[2]}},
		{`"harbor bridge"`, []*parallax.Record{br[0], br[2]}},
		{`"bridge harbor"`, nil},
		{"evacuat*", []*parallax.Record{fl[1]}},
		{"vacuat", nil},
		{"Lake Orun", []*parallax.Record{fl[0], fl[1]}},
		{"3.5 million", []*parallax.Record{tr[1]}},
		{`"fare freeze"`, []*parallax.Record{tr[1]}},
		{`velmora "harbor crossing"`, []*parallax.Record{br[1]}},
	}
	for _, c := range cases {
		hits, err := s.Search(ctx, c.q, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", c.q, err)
			continue
		}
		var want []int64
		for _, r := range c.want {
			want = append(want, idOf[r.URL])
		}
		slices.Sort(want)
		got := slices.Sorted(slices.Values(hitIDs(hits)))
		if !slices.Equal(got, want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, want)
		}
	}
}

func testSearchOdd(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	add(t, s, bridge()...)
	letter := add(t, s, undated())
	// Nothing to search for.
	for _, q := range []string{"", "   ", `"`, `""`, "*", "**", "-", "^", "()", ":", `" * "`, "\t\n", "%", "_", "'", "';--"} {
		_, err := s.Search(ctx, q, 0)
		wantCode(t, fmt.Sprintf("Search(%q)", q), err, parallax.EINVALID)
	}
	// Words among syntax: never an error, and never an injection.
	for _, q := range []string{
		"AND", "OR", "NOT", "NEAR", "bridge AND", "AND bridge", "bridge OR", "NOT bridge", "bridge NOT",
		`bridge"`, `"bridge`, `"harbor bridge`, "bridge*", "*bridge", "bri*dge", "bridge -crack", "title:bridge",
		"text:crack", "{title}: bridge", "NEAR(bridge crack)", "bridge^", "^bridge", "(bridge", "bridge)",
		"'; DROP TABLE articles; --", "bridge'); DELETE FROM articles; --", `\"bridge\"`, "bridge%", "bridge;",
		"x" + strings.Repeat(" y", 200), strings.Repeat("bridge ", 50),
	} {
		if _, err := s.Search(ctx, q, 0); err != nil {
			t.Errorf("Search(%q): %v; it has a word to search for", q, err)
		}
	}
	if n := count(t, s); n != 4 {
		t.Errorf("%d articles after the odd queries, want 4", n)
	}
	// Operators are words like any other: only the letter says "and".
	for _, q := range []string{"AND", "and", "bridge AND history", "history and"} {
		hits, err := s.Search(ctx, q, 0)
		if err != nil || !slices.Equal(hitIDs(hits), letter) {
			t.Errorf("Search(%q) = %v, %v; want the letter %v", q, hitIDs(hits), err, letter)
		}
	}
}

func testSearchUnicode(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	add(t, s, bridge()...)
	ids := add(t, s, german(), russian())
	for _, c := range []struct {
		q    string
		want []int64
	}{
		{"Brücke", []int64{ids[0]}},
		{"BRÜCKE", []int64{ids[0]}},
		{"Grünfeld Bürgermeisterin", []int64{ids[0]}},
		{"мост", []int64{ids[1]}},
		{"Мост", []int64{ids[1]}},
		{"«мост»", []int64{ids[1]}},
		{"Заречье", []int64{ids[1]}},
		{"Brücke мост", nil},
		{"🌉 bridge", nil}, // the emoji is no word: bridge alone is searched…
	} {
		hits, err := s.Search(ctx, c.q, 0)
		if err != nil {
			t.Errorf("Search(%q): %v", c.q, err)
			continue
		}
		if c.q == "🌉 bridge" {
			if len(hits) != 3 {
				t.Errorf("Search(%q) = %v, want the 3 bridge articles", c.q, hitIDs(hits))
			}
			continue
		}
		if got := hitIDs(hits); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, got, c.want)
		}
	}
	_, err := s.Search(ctx, "🌉", 0)
	wantCode(t, "Search(emoji only)", err, parallax.EINVALID)
	// Invalid UTF-8 is not an error either.
	if _, err := s.Search(ctx, "bridge \xff\xfe", 0); err != nil {
		t.Errorf("Search(invalid UTF-8): %v", err)
	}
}

func testFeeds(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 0 {
		t.Fatalf("Feeds() on an empty store = %v, %v", feeds, err)
	}
	a := &parallax.Feed{URL: "https://velmora-herald.example/rss", Title: "Velmora Herald"}
	b := &parallax.Feed{URL: "https://orun-courier.example/atom.xml", NextPoll: day(1, 0)}
	before := time.Now()
	var fids []int64
	for _, f := range []*parallax.Feed{a, b} {
		id, created, err := s.AddFeed(ctx, f)
		if err != nil || !created || id <= 0 || f.ID != id {
			t.Fatalf("AddFeed(%s) = %d, %v, %v; f.ID %d", f.URL, id, created, err, f.ID)
		}
		if f.Created.Before(before.Add(-time.Second)) || f.Created.After(time.Now().Add(time.Second)) {
			t.Errorf("AddFeed set Created %v, want about now", f.Created)
		}
		fids = append(fids, id)
	}
	again := &parallax.Feed{URL: a.URL, Title: "Another title"}
	id, created, err := s.AddFeed(ctx, again)
	if err != nil || created || id != fids[0] || again.ID != 0 {
		t.Errorf("AddFeed(same URL) = %d, %v, %v; want %d, false", id, created, err, fids[0])
	}
	for _, bad := range []*parallax.Feed{nil, {}, {URL: "  "}} {
		_, _, err := s.AddFeed(ctx, bad)
		wantCode(t, fmt.Sprintf("AddFeed(%+v)", bad), err, parallax.EINVALID)
	}

	feeds, err = s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2 || feeds[0].ID != fids[0] || feeds[1].ID != fids[1] {
		t.Fatalf("Feeds() = %+v, want %v in ID order", feeds, fids)
	}
	if feeds[0].Title != "Velmora Herald" || !feeds[0].LastPolled.IsZero() || !feeds[0].NextPoll.IsZero() ||
		!feeds[1].NextPoll.Equal(b.NextPoll) || !feeds[0].Created.Equal(a.Created) {
		t.Errorf("Feeds() = %+v %+v", feeds[0], feeds[1])
	}

	// A poll: new state saved whole.
	polled := *feeds[0]
	polled.Title = "The Velmora Herald"
	polled.ETag = `W/"5e1-abc"`
	polled.LastModified = "Mon, 04 Mar 2024 09:00:00 GMT"
	polled.LastPolled = day(4, 10)
	polled.NextPoll = day(4, 11).Add(123 * time.Millisecond)
	polled.Failures = 3
	polled.LastError = "503 Service Unavailable"
	if err := s.UpdateFeed(ctx, &polled); err != nil {
		t.Fatal(err)
	}
	feeds, _ = s.Feeds(ctx)
	got := feeds[0]
	if got.URL != a.URL || got.Title != polled.Title || got.ETag != polled.ETag || got.LastModified != polled.LastModified ||
		!got.LastPolled.Equal(polled.LastPolled) || !got.NextPoll.Equal(polled.NextPoll) || got.Failures != 3 ||
		got.LastError != polled.LastError || !got.Created.Equal(a.Created) {
		t.Errorf("after UpdateFeed: %+v, want %+v", got, polled)
	}
	// Success resets the backoff.
	polled.Failures, polled.LastError = 0, ""
	if err := s.UpdateFeed(ctx, &polled); err != nil {
		t.Fatal(err)
	}
	feeds, _ = s.Feeds(ctx)
	if feeds[0].Failures != 0 || feeds[0].LastError != "" || feeds[1].ETag != "" {
		t.Errorf("after a second UpdateFeed: %+v; other feed %+v", feeds[0], feeds[1])
	}
	wantCode(t, "UpdateFeed(unknown)", s.UpdateFeed(ctx, &parallax.Feed{ID: fids[1] + 10, URL: "https://x.example/"}), parallax.ENOTFOUND)

	// A permanent redirect moves a feed; onto another feed's URL it cannot.
	moved := *feeds[1]
	moved.URL = "https://orun-courier.example/feed.xml"
	if err := s.UpdateFeed(ctx, &moved); err != nil {
		t.Fatalf("UpdateFeed(new URL): %v", err)
	}
	moved.URL = a.URL
	wantCode(t, "UpdateFeed(another feed's URL)", s.UpdateFeed(ctx, &moved), parallax.ECONFLICT)
	feeds, _ = s.Feeds(ctx)
	if feeds[0].URL != a.URL || feeds[1].URL != "https://orun-courier.example/feed.xml" {
		t.Errorf("after moving a feed: %s, %s", feeds[0].URL, feeds[1].URL)
	}
	if id, created, err := s.AddFeed(ctx, &parallax.Feed{URL: "https://orun-courier.example/feed.xml"}); err != nil || created || id != fids[1] {
		t.Errorf("AddFeed(moved URL) = %d, %v, %v; want %d", id, created, err, fids[1])
	}
}

func testRemoveFeed(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	var fids []int64
	urls := []string{"https://velmora-herald.example/rss", "https://orun-courier.example/feed", "https://tessar-wire.example/rss"}
	for _, u := range urls {
		id, _, err := s.AddFeed(ctx, &parallax.Feed{URL: u})
		if err != nil {
			t.Fatal(err)
		}
		fids = append(fids, id)
	}
	// Articles that came from the first feed stay when it goes.
	r := bridge()[0]
	r.FeedID = fids[0]
	aid := add(t, s, r)[0]
	if a, err := s.Article(ctx, aid); err != nil || a.FeedID != fids[0] {
		t.Fatalf("Article = %+v, %v; want FeedID %d", a, err, fids[0])
	}
	if err := s.RemoveFeed(ctx, fmt.Sprint(fids[0])); err != nil {
		t.Fatalf("RemoveFeed(id): %v", err)
	}
	a, err := s.Article(ctx, aid)
	if err != nil {
		t.Fatalf("the removed feed's article: %v", err)
	}
	if a.FeedID != 0 {
		t.Errorf("the removed feed's article has FeedID %d, want 0", a.FeedID)
	}
	if err := s.RemoveFeed(ctx, urls[1]); err != nil {
		t.Fatalf("RemoveFeed(URL): %v", err)
	}
	feeds, err := s.Feeds(ctx)
	if err != nil || len(feeds) != 1 || feeds[0].ID != fids[2] {
		t.Errorf("Feeds() after two removals = %+v, %v", feeds, err)
	}
	for _, key := range []string{fmt.Sprint(fids[0]), urls[1], "999", "https://nowhere.example/rss"} {
		wantCode(t, fmt.Sprintf("RemoveFeed(%q)", key), s.RemoveFeed(ctx, key), parallax.ENOTFOUND)
	}
	if err := s.RemoveFeed(ctx, ""); err == nil {
		t.Error("RemoveFeed(\"\"): no error")
	}
	// A removed URL may be subscribed again, as a new feed.
	id, created, err := s.AddFeed(ctx, &parallax.Feed{URL: urls[0]})
	if err != nil || !created || id == fids[0] {
		t.Errorf("AddFeed(removed URL) = %d, %v, %v", id, created, err)
	}
}

func testNotFound(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	aid := add(t, s, flood()[0])[0]
	sid, err := s.CreateStory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Article(ctx, aid+1)
	wantCode(t, "Article", err, parallax.ENOTFOUND)
	_, _, err = s.Story(ctx, sid+1)
	wantCode(t, "Story", err, parallax.ENOTFOUND)
	_, err = s.StoryArticles(ctx, sid+1)
	wantCode(t, "StoryArticles", err, parallax.ENOTFOUND)
	wantCode(t, "SaveReport", s.SaveReport(ctx, parallax.StoryInfo{ID: sid + 1}, nil), parallax.ENOTFOUND)
	wantCode(t, "SetPlacement(article)", s.SetPlacement(ctx, aid+1, sid, 0), parallax.ENOTFOUND)
	wantCode(t, "SetPlacement(story)", s.SetPlacement(ctx, aid, sid+1, 0), parallax.ENOTFOUND)
	wantCode(t, "UpdateFeed", s.UpdateFeed(ctx, &parallax.Feed{ID: 1, URL: "https://x.example/"}), parallax.ENOTFOUND)
	wantCode(t, "RemoveFeed", s.RemoveFeed(ctx, "1"), parallax.ENOTFOUND)
	wantCode(t, "SetAnalysis", s.SetAnalysis(ctx, aid+1, []byte("{}")), parallax.ENOTFOUND)
	var e *parallax.Error
	if _, err := s.Article(ctx, aid+1); !errors.As(err, &e) || e.Message == "" {
		t.Errorf("Article(unknown) = %v: want a *parallax.Error with a message", err)
	}
}

func testReviews(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	bridgeID, floodID, _ := stories(t, s)
	if rs, err := s.Reviews(ctx, bridgeID); err != nil || len(rs) != 0 {
		t.Fatalf("Reviews of an unreviewed story = %v, %v; want none", rs, err)
	}
	first := parallax.Review{Key: "quantity|cars per day|12000/14000", Verdict: parallax.Confirmed,
		Note: "the city's count is 14,000; the Herald's is last year's", By: "ana", At: day(12, 10)}
	second := parallax.Review{Key: "date|reopening|april/may", Verdict: parallax.NotConflict, By: "ben", At: day(12, 11)}
	for _, r := range []parallax.Review{second, first} {
		if err := s.SetReview(ctx, bridgeID, r); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := s.Reviews(ctx, bridgeID)
	if err != nil || len(rs) != 2 {
		t.Fatalf("Reviews = %+v, %v; want two", rs, err)
	}
	if rs[0].Key != first.Key || rs[0].Note != first.Note || rs[0].By != "ana" || !rs[0].At.Equal(first.At) || rs[1].Verdict != parallax.NotConflict {
		t.Errorf("Reviews = %+v; want the two, oldest first, as stored", rs)
	}
	// Marking the same conflict again replaces the mark; other stories
	// keep none.
	again := first
	again.Verdict, again.Note, again.By, again.At = parallax.NotConflict, "same figure, other year", "cleo", day(13, 9)
	if err := s.SetReview(ctx, bridgeID, again); err != nil {
		t.Fatal(err)
	}
	rs, _ = s.Reviews(ctx, bridgeID)
	if len(rs) != 2 || rs[1].Key != first.Key || rs[1].By != "cleo" || rs[1].Verdict != parallax.NotConflict {
		t.Errorf("after marking again: %+v", rs)
	}
	if rs, _ := s.Reviews(ctx, floodID); len(rs) != 0 {
		t.Errorf("another story has reviews: %+v", rs)
	}
	// A zero At is now; an empty verdict removes the mark.
	before := time.Now()
	if err := s.SetReview(ctx, floodID, parallax.Review{Key: "k", Verdict: parallax.Confirmed}); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.Reviews(ctx, floodID); len(rs) != 1 || rs[0].At.Before(before.Add(-time.Second)) {
		t.Errorf("a review without a time: %+v", rs)
	}
	if err := s.SetReview(ctx, bridgeID, parallax.Review{Key: second.Key}); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.Reviews(ctx, bridgeID); len(rs) != 1 || rs[0].Key != first.Key {
		t.Errorf("after removing a review: %+v", rs)
	}
	// A report saved again leaves the reviews as they are.
	if err := s.SaveReport(ctx, parallax.StoryInfo{ID: bridgeID, Articles: 3}, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if rs, _ := s.Reviews(ctx, bridgeID); len(rs) != 1 {
		t.Errorf("a new report dropped the reviews: %+v", rs)
	}
	wantCode(t, "SetReview(unknown story)", s.SetReview(ctx, bridgeID+100, first), parallax.ENOTFOUND)
	wantCode(t, "SetReview(bad verdict)", s.SetReview(ctx, bridgeID, parallax.Review{Key: "k", Verdict: "maybe"}), parallax.EINVALID)
	wantCode(t, "SetReview(no key)", s.SetReview(ctx, bridgeID, parallax.Review{Verdict: parallax.Confirmed}), parallax.EINVALID)
	_, err = s.Reviews(ctx, bridgeID+100)
	wantCode(t, "Reviews(unknown story)", err, parallax.ENOTFOUND)
}

func testEvents(t *testing.T, s parallax.Store) {
	ctx := context.Background()
	bridgeID, floodID, _ := stories(t, s)
	if evs, err := s.Events(ctx, parallax.EventFilter{}); err != nil || len(evs) != 0 {
		t.Fatalf("Events of a new library = %v, %v", evs, err)
	}
	batch := []parallax.StoryEvent{
		{StoryID: bridgeID, Kind: parallax.EventOutlet, Subject: "velmora-herald.example", Summary: "velmora-herald.example covers the story", Title: "Harbor bridge closed", At: day(12, 9)},
		{StoryID: bridgeID, Kind: parallax.EventConflict, Subject: "quantity|cars|12000/14000", Summary: "figures differ: cars per day", Title: "Harbor bridge closed"},
		{StoryID: floodID, Kind: parallax.EventOutlet, Subject: "orun-courier.example", Summary: "orun-courier.example covers the story", Title: "Lake Orun floods"},
	}
	before := time.Now()
	if err := s.AddEvents(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].ID == 0 || batch[1].ID <= batch[0].ID || batch[2].ID <= batch[1].ID {
		t.Errorf("event IDs %d, %d, %d; want increasing", batch[0].ID, batch[1].ID, batch[2].ID)
	}
	if batch[1].At.Before(before.Add(-time.Second)) || !batch[0].At.Equal(day(12, 9)) {
		t.Errorf("event times %v, %v; want the given one and now", batch[0].At, batch[1].At)
	}
	all, err := s.Events(ctx, parallax.EventFilter{})
	if err != nil || len(all) != 3 || all[0].ID != batch[2].ID || all[2].ID != batch[0].ID {
		t.Fatalf("Events = %+v, %v; want the three, newest first", all, err)
	}
	if all[2].Summary != batch[0].Summary || all[2].Subject != batch[0].Subject || all[2].Title != batch[0].Title || !all[2].At.Equal(batch[0].At) {
		t.Errorf("event read back as %+v, want %+v", all[2], batch[0])
	}
	for _, c := range []struct {
		f    parallax.EventFilter
		want []int64
	}{
		{parallax.EventFilter{StoryID: bridgeID}, []int64{batch[1].ID, batch[0].ID}},
		{parallax.EventFilter{AfterID: batch[0].ID}, []int64{batch[2].ID, batch[1].ID}},
		{parallax.EventFilter{Limit: 1}, []int64{batch[2].ID}},
		{parallax.EventFilter{Query: "Orun"}, []int64{batch[2].ID}},
		{parallax.EventFilter{Query: "Orun", StoryID: bridgeID}, nil},
	} {
		got, err := s.Events(ctx, c.f)
		if err != nil {
			t.Errorf("Events(%+v): %v", c.f, err)
			continue
		}
		var ids []int64
		for _, e := range got {
			ids = append(ids, e.ID)
		}
		if fmt.Sprint(ids) != fmt.Sprint(c.want) {
			t.Errorf("Events(%+v) = %v, want %v", c.f, ids, c.want)
		}
	}
	wantCode(t, "AddEvents(unknown story)", s.AddEvents(ctx, []parallax.StoryEvent{{StoryID: floodID + 100, Kind: parallax.EventOutlet}}), parallax.ENOTFOUND)
	wantCode(t, "AddEvents(no kind)", s.AddEvents(ctx, []parallax.StoryEvent{{StoryID: floodID}}), parallax.EINVALID)
	if evs, _ := s.Events(ctx, parallax.EventFilter{}); len(evs) != 3 {
		t.Errorf("a failed AddEvents left %d events, want 3", len(evs))
	}
	_, err = s.Events(ctx, parallax.EventFilter{Limit: -1})
	wantCode(t, "Events(negative limit)", err, parallax.EINVALID)
}
