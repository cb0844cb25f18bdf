package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// groupsOf turns a story-by-article map into its groups: each article's
// sorted fellow members, so two groupings compare whatever their story IDs.
func groupsOf[K comparable](storyOf map[string]K) map[string][]string {
	members := map[K][]string{}
	for a, s := range storyOf {
		members[s] = append(members[s], a)
	}
	out := map[string][]string{}
	for a, s := range storyOf {
		m := slices.Clone(members[s])
		slices.Sort(m)
		out[a] = m
	}
	return out
}

// compareStories runs compare with args on inputs and returns each
// article's story by source.
func compareStories(t *testing.T, args ...string) map[string]string {
	t.Helper()
	out, errs, code := run(t, append([]string{"compare", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("compare %v: %s", args, errs)
	}
	rep := decode(t, out)
	source := map[string]string{}
	for _, a := range rep.Articles {
		source[a.ID] = a.Source
	}
	storyOf := map[string]string{}
	for _, st := range rep.Stories {
		for _, a := range st.Articles {
			storyOf[source[a.ID]] = st.ID
		}
	}
	return storyOf
}

// libraryStories ingests inputs into a new library and returns each
// article's story by source.
func libraryStories(t *testing.T, inputs ...string) map[string]int64 {
	t.Helper()
	db := filepath.Join(t.TempDir(), "lib.db")
	if _, errs, code := run(t, append([]string{"ingest", "--db", db, "--no-progress"}, inputs...)...); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]int64{}
	if err := st.EachArticle(context.Background(), func(r *parallax.Record) error {
		out[r.Source] = r.StoryID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// syntheticJSONL writes fictional coverage of several events as JSON Lines:
// each article tells some of its event's facts, in its own order, among
// sentences of its own. Names are random syllables; the events interleave.
func syntheticJSONL(t *testing.T) string {
	r := rand.New(rand.NewPCG(11, 12))
	syl := []string{"ka", "lo", "mer", "da", "vin", "tor", "sa", "bel", "ri", "no", "gan", "ves", "ul", "ha", "mon", "tre"}
	word := func() string {
		w := ""
		for range 2 + r.IntN(2) {
			w += syl[r.IntN(len(syl))]
		}
		return w
	}
	name := func() string { w := word(); return strings.ToUpper(w[:1]) + w[1:] }
	kinds := []string{"fire", "flood", "strike", "landslide", "blackout"}
	type event struct{ facts []string }
	var events []event
	for e := range 8 {
		town, person, org := name(), name()+" "+name(), name()+" Council"
		kind := kinds[e%len(kinds)]
		n := 10 + r.IntN(400)
		day := 1 + r.IntN(27)
		events = append(events, event{facts: []string{
			fmt.Sprintf("A %s hit %s on March %d, 2031.", kind, town, day),
			fmt.Sprintf("%s of the %s said %d people were affected.", person, org, n),
			fmt.Sprintf("The %s in %s began near the %s %s.", kind, town, name(), word()),
			fmt.Sprintf("Crews from %s reached %s within hours.", name(), town),
			fmt.Sprintf("%s said the %s would review what happened.", person, org),
			fmt.Sprintf("Residents of %s were told to avoid %s Road.", town, name()),
			fmt.Sprintf("About %d homes in %s lost power.", n/2+3, town),
			fmt.Sprintf("The %s asked for help from %s.", org, name()),
		}})
	}
	path := filepath.Join(t.TempDir(), "coverage.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for i := range 48 {
		ev := events[r.IntN(len(events))]
		facts := slices.Clone(ev.facts)
		r.Shuffle(len(facts), func(a, b int) { facts[a], facts[b] = facts[b], facts[a] })
		body := facts[:4+r.IntN(3)]
		for range 3 {
			var ws []string
			for range 8 {
				ws = append(ws, word())
			}
			body = append(body, "The "+strings.Join(ws, " ")+".")
		}
		r.Shuffle(len(body)-1, func(a, b int) { body[a+1], body[b+1] = body[b+1], body[a+1] })
		err := enc.Encode(map[string]string{"url": fmt.Sprintf("https://outlet%d.example/%d", i%6, i), "title": body[0],
			"maintext": strings.Join(body, "\n"), "date_publish": "2031-03-28", "source_domain": fmt.Sprintf("outlet%d.example", i%6), "language": "en"})
		if err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestCompareIncrementalIsLibrary: compare --incremental finds the stories
// ingest puts the same articles in, in a new library; and, as the library
// groups a run's articles again at its end, those are the stories compare
// finds grouping them all at once.
func TestCompareIncrementalIsLibrary(t *testing.T) {
	cases := []struct {
		name   string
		inputs func(t *testing.T) []string
	}{
		{"examples", func(*testing.T) []string { return []string{filepath.Join("..", "..", "examples")} }},
		{"synthetic", func(t *testing.T) []string { return []string{syntheticJSONL(t)} }},
		{"coverage", func(t *testing.T) []string {
			return []string{filepath.Join(sharedtest.Dir(t), "corpus", "dev", "coverage.jsonl")}
		}},
		{"ecbplus", func(t *testing.T) []string {
			return []string{filepath.Join(sharedtest.Dir(t), "corpus", "dev", "ecbplus.jsonl")}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			inputs := tc.inputs(t)
			lib := groupsOf(libraryStories(t, inputs...))
			cmp := groupsOf(compareStories(t, append([]string{"--incremental"}, inputs...)...))
			batch := groupsOf(compareStories(t, inputs...))
			if len(lib) != len(cmp) || len(lib) < 7 {
				t.Fatalf("library holds %d articles, compare reports %d", len(lib), len(cmp))
			}
			stories := map[string]bool{}
			for a, m := range lib {
				stories[m[0]] = true
				if !slices.Equal(m, cmp[a]) {
					t.Errorf("%s: with %v in the library, with %v in compare --incremental", a, m, cmp[a])
				}
				if !slices.Equal(m, batch[a]) {
					t.Errorf("%s: with %v in the library, with %v in compare", a, m, batch[a])
				}
			}
			t.Logf("%d articles, %d stories, the same in the library, compare --incremental and compare", len(lib), len(stories))
		})
	}
}
