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
