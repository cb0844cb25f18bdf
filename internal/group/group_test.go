package group

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"
)

// grouping is what a test checks: each document's story and duplicate link.
type grouping struct {
	story map[string]string
	dupOf map[string]string
}

func fromResult(docs []Doc, res Result) grouping {
	g := grouping{story: map[string]string{}, dupOf: map[string]string{}}
	for i, d := range docs {
		g.story[d.ID] = res.Story[i]
		g.dupOf[d.ID] = res.DuplicateOf[i]
	}
	return g
}

func fromIndex(docs []Doc, opt Options) grouping {
	ix := NewIndex(opt)
	g := grouping{story: map[string]string{}, dupOf: map[string]string{}}
	for _, d := range docs {
		g.story[d.ID], g.dupOf[d.ID] = ix.Add(d)
	}
	return g
}

// checkFixtures runs the table of expectations over the fictional floods.
func checkFixtures(t *testing.T, g grouping) {
	t.Helper()
	for _, tc := range []struct {
		name string
		a, b string
		same bool
	}{
		{"same flood, second outlet", "marrow-herald", "valley-post", true},
		{"same flood, third outlet", "marrow-herald", "national-wire", true},
		{"wire copy", "marrow-herald", "repost-daily", true},
		{"Spanish article on the same flood", "diario-sur", "marrow-herald", true},
		{"other flood, second outlet", "coast-times", "bay-observer", true},
		{"other flood, third outlet", "coast-times", "island-radio", true},
		{"same kind, different event", "marrow-herald", "coast-times", false},
		{"same kind, different event, other outlets", "valley-post", "bay-observer", false},
		{"Spanish article, other flood", "diario-sur", "island-radio", false},
		{"unrelated article", "tech-weekly", "marrow-herald", false},
		{"unrelated article, other flood", "tech-weekly", "coast-times", false},
	} {
		if got := g.story[tc.a] == g.story[tc.b]; got != tc.same {
			t.Errorf("%s: same story(%q, %q) = %v, want %v (stories %q, %q)",
				tc.name, tc.a, tc.b, got, tc.same, g.story[tc.a], g.story[tc.b])
		}
	}
	for id, want := range map[string]string{
		"repost-daily":  "marrow-herald",
		"valley-post":   "",
		"national-wire": "",
		"diario-sur":    "",
		"bay-observer":  "",
		"tech-weekly":   "",
	} {
		if got := g.dupOf[id]; got != want {
			t.Errorf("DuplicateOf(%q) = %q, want %q", id, got, want)
		}
	}
}

func TestStoriesFixtures(t *testing.T) {
	res := Stories(fixtureDocs, Options{})
	checkFixtures(t, fromResult(fixtureDocs, res))
	if len(res.Clusters) != 3 {
		t.Errorf("Stories made %d clusters, want 3: %v", len(res.Clusters), res.Clusters)
	}
}

func TestIndexFixtures(t *testing.T) {
	checkFixtures(t, fromIndex(fixtureDocs, Options{}))
}

func TestStoriesResultShape(t *testing.T) {
	res := Stories(fixtureDocs, Options{})
	if len(res.Story) != len(fixtureDocs) || len(res.DuplicateOf) != len(fixtureDocs) {
		t.Fatalf("Story/DuplicateOf have %d/%d entries, want %d", len(res.Story), len(res.DuplicateOf), len(fixtureDocs))
	}
	seen := map[string]bool{}
	for k, c := range res.Clusters {
		if want := fmt.Sprintf("s%d", k+1); c.ID != want {
			t.Errorf("cluster %d has ID %q, want %q", k, c.ID, want)
		}
		for _, id := range c.Docs {
			if seen[id] {
				t.Errorf("document %q is in two clusters", id)
			}
			seen[id] = true
		}
	}
	if len(seen) != len(fixtureDocs) {
		t.Errorf("clusters hold %d documents, want %d", len(seen), len(fixtureDocs))
	}
	if res.Clusters[0].Docs[0] != fixtureDocs[0].ID {
		t.Errorf("first cluster starts with %q, want the first document %q", res.Clusters[0].Docs[0], fixtureDocs[0].ID)
	}
}

func TestStoriesDeterministic(t *testing.T) {
	docs := syntheticCorpus(600, 7)
	a := Stories(docs, Options{})
	for range 3 {
		if b := Stories(docs, Options{}); !reflect.DeepEqual(a, b) {
			t.Fatal("Stories gave different results for the same input")
		}
	}
	ia, ib := fromIndex(docs, Options{}), fromIndex(docs, Options{})
	if !reflect.DeepEqual(ia, ib) {
		t.Fatal("Index gave different results for the same input")
	}
}

func TestStoriesEmpty(t *testing.T) {
	res := Stories(nil, Options{})
	if len(res.Clusters) != 0 || len(res.Story) != 0 {
		t.Errorf("Stories(nil) = %+v, want empty", res)
	}
	res = Stories([]Doc{{ID: "x"}}, Options{})
	if len(res.Clusters) != 1 || res.Story[0] != "s1" {
		t.Errorf("Stories(one empty doc) = %+v, want one singleton story", res)
	}
}

func TestWindow(t *testing.T) {
	// The same flood reported again two years later (a retrospective, say)
	// stays out of the story when a one-month window is set.
	day := time.Date(2031, 3, 3, 0, 0, 0, 0, time.UTC)
	a, b, c := floodMarrowfield1, floodMarrowfield2, floodMarrowfield3
	a.Published, b.Published, c.Published = day, day.AddDate(0, 0, 1), day.AddDate(2, 0, 0)
	docs := []Doc{a, b, c, floodQuillon1, gadgetLaunch}
	for _, tc := range []struct {
		name   string
		window time.Duration
		same   bool
	}{
		{"no window", 0, true},
		{"one month", 30 * 24 * time.Hour, false},
	} {
		opt := Options{Window: tc.window}
		res := fromResult(docs, Stories(docs, opt))
		ix := fromIndex(docs, opt)
		for name, g := range map[string]grouping{"Stories": res, "Index": ix} {
			if g.story[a.ID] != g.story[b.ID] {
				t.Errorf("%s, %s: articles a day apart split", name, tc.name)
			}
			if got := g.story[a.ID] == g.story[c.ID]; got != tc.same {
				t.Errorf("%s, %s: articles two years apart in one story = %v, want %v", name, tc.name, got, tc.same)
			}
		}
	}
}

func TestAverageLink(t *testing.T) {
	for _, tc := range []struct {
		name  string
		n     int
		edges []edge
		th    float64
		want  []int32
	}{
		{"no edges", 3, nil, 0.5, []int32{0, 1, 2}},
		{"one pair", 3, []edge{{0, 2, 0.9}}, 0.5, []int32{0, 1, 0}},
		{"chain broken by the mean", 3, []edge{{0, 1, 0.9}, {1, 2, 0.6}}, 0.5, []int32{0, 0, 2}},
		{"triangle", 3, []edge{{0, 1, 0.9}, {1, 2, 0.6}, {0, 2, 0.6}}, 0.5, []int32{0, 0, 0}},
		{"below threshold", 2, []edge{{0, 1, 0.4}}, 0.5, []int32{0, 1}},
	} {
		if got := averageLink(tc.n, [][]edge{tc.edges}, tc.th); !slices.Equal(got, tc.want) {
			t.Errorf("%s: averageLink = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestMinhash(t *testing.T) {
	x := newExtractor()
	sig := func(d Doc) signature {
		s, ok := minhash(x.extract(&d).words)
		if !ok {
			t.Fatalf("no signature for %q", d.ID)
		}
		return s
	}
	a, copyA, other := sig(floodMarrowfield1), sig(floodMarrowfieldCopy), sig(floodMarrowfield2)
	if j := a.jaccard(&a); j != 1 {
		t.Errorf("jaccard(a, a) = %v, want 1", j)
	}
	if j := a.jaccard(&copyA); j < 0.5 {
		t.Errorf("jaccard(article, repost) = %.2f, want ≥ 0.5", j)
	}
	if j := a.jaccard(&other); j > 0.2 {
		t.Errorf("jaccard(article, other outlet's article) = %.2f, want ≤ 0.2", j)
	}
	if _, ok := minhash([]uint64{1, 2, 3}); ok {
		t.Error("minhash of three words gave a signature")
	}
}
