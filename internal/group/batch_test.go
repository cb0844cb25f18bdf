package group

import (
	"reflect"
	"runtime"
	"testing"
	"time"
)

// TestStoriesSameOnAnyCores groups one corpus, with near-duplicates, on
// one, two and four cores: the results must be identical.
func TestStoriesSameOnAnyCores(t *testing.T) {
	docs := syntheticCorpus(3000, 5) // a dozen chunks
	for i := 0; i < len(docs); i += 97 {
		d := docs[i]
		d.ID += "-copy"
		d.Text = "Updated: " + d.Text
		docs = append(docs, d)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var want Result
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		got := Stories(docs, Options{Window: 30 * 24 * time.Hour})
		if procs == 1 {
			want = got
			dups := 0
			for _, d := range got.DuplicateOf {
				if d != "" {
					dups++
				}
			}
			t.Logf("one core: %d stories, %d duplicates from %d documents", len(got.Clusters), dups, len(docs))
			if dups < 30 || len(got.Clusters) < 300 || len(got.Clusters) > 1500 {
				t.Fatalf("one core: %d stories, %d duplicates from %d documents: the corpus should hold many events and ~31 copies", len(got.Clusters), dups, len(docs))
			}
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%d cores: result differs from one core's (%d vs %d stories)", procs, len(got.Clusters), len(want.Clusters))
		}
	}
}

// TestBatchSmallAndLarge checks that a batch smaller than a chunk (read
// without workers) and the same documents in a larger batch group alike.
func TestBatchSmallAndLarge(t *testing.T) {
	docs := syntheticCorpus(chunkSize+40, 9)
	small := Stories(docs[:100], Options{})
	whole := Stories(docs, Options{})
	if len(small.Story) != 100 || len(whole.Story) != len(docs) {
		t.Fatalf("lengths %d and %d", len(small.Story), len(whole.Story))
	}
	// The first 100 documents in their own batch and in the larger one:
	// document frequencies differ, so compare which pairs share a story.
	agree, pairs := 0, 0
	for i := range 100 {
		for j := i + 1; j < 100; j++ {
			a := small.Story[i] == small.Story[j]
			b := whole.Story[i] == whole.Story[j]
			if a || b {
				pairs++
				if a == b {
					agree++
				}
			}
		}
	}
	if pairs == 0 || float64(agree)/float64(pairs) < 0.9 {
		t.Errorf("the first 100 documents alone and in a larger batch agree on %d of %d same-story pairs", agree, pairs)
	}
	if got := Stories(nil, Options{}); len(got.Clusters) != 0 || len(got.Story) != 0 {
		t.Errorf("empty batch: %+v", got)
	}
}
