package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/read"
)

func examples(t testing.TB) []*parallax.Article {
	t.Helper()
	arts, errs := read.Inputs(context.Background(), []string{filepath.Join("..", "..", "examples")}, read.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return arts
}

func BenchmarkAnalyzeExamples(b *testing.B) {
	arts := examples(b)
	an := NewAnalyzer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		an.Analyze(arts[i%len(arts)])
	}
}

func BenchmarkAnalyzeCoverage(b *testing.B) {
	path := filepath.Join("..", "..", "..", "shared", "corpus", "dev", "coverage.jsonl")
	if _, err := os.Stat(path); err != nil {
		b.Skip("shared corpus absent")
	}
	arts, _ := read.Inputs(context.Background(), []string{path}, read.Options{})
	an := NewAnalyzer()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		an.Analyze(arts[i%len(arts)])
	}
}

func TestRun(t *testing.T) {
	arts := examples(t)
	rep := Run(arts, Options{})
	if len(rep.Articles) != len(arts) {
		t.Fatalf("%d articles in the report, want %d", len(rep.Articles), len(arts))
	}
	if len(rep.Stories) != 2 || len(rep.Stories[0].Articles) != len(arts)-1 || len(rep.Stories[1].Articles) != 1 || len(rep.Unassigned) != 0 {
		t.Fatalf("want one story of %d and the unrelated article in a story of its own; got %d stories, unassigned %v", len(arts)-1, len(rep.Stories), rep.Unassigned)
	}
	// the article on its own keeps its analysis, and has nothing to line up
	single := rep.Stories[1]
	if len(single.Entities) == 0 || len(single.Facts) != 0 {
		t.Errorf("story of one: %d entities, %d facts; want entities and no facts", len(single.Entities), len(single.Facts))
	}
	one := Run(arts, Options{OneStory: true})
	if len(one.Stories) != 1 || len(one.Stories[0].Articles) != len(arts) || len(one.Unassigned) != 0 {
		t.Errorf("OneStory: %d stories, unassigned %v", len(one.Stories), one.Unassigned)
	}
	// analysing in parallel gives what analysing one by one gives
	a1 := AnalyzeAll(arts, 1)
	a2 := AnalyzeAll(arts, 4)
	for i := range a1 {
		if len(a1[i].Entities) != len(a2[i].Entities) || len(a1[i].Quotes) != len(a2[i].Quotes) {
			t.Errorf("article %d: analyses differ between 1 and 4 workers", i)
		}
	}
}
