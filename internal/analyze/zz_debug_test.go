package analyze

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax"
)

func TestDebugSeeds(t *testing.T) {
	if os.Getenv("PDEBUG") == "" {
		t.Skip("debug only")
	}
	files, _ := filepath.Glob(os.Getenv("PDEBUG"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		a := &parallax.Article{Text: string(b)}
		res := (&Analyzer{}).Analyze(a)
		fmt.Println("=====", f, res.Language, len(res.Sentences))
		if os.Getenv("PSENT") != "" {
			for _, s := range res.Sentences {
				fmt.Printf("  S| %s\n", s.Span.Of(a.Text))
			}
		}
		for _, e := range res.Entities {
			fmt.Printf("  E %-12s %-40q %q roles=%q\n", e.Type, e.Name, e.Aliases, e.Roles)
		}
		for _, q := range res.Quotes {
			fmt.Printf("  Q scare=%v speaker=%q cue=%q text=%.70q\n", q.Scare, q.Speaker, q.Cue, q.Text)
		}
		for _, s := range res.Signals {
			fmt.Printf("  F %s %q\n", s.Kind, s.Text)
		}
	}
}
