package stress

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/read"
)

// Story is one real event covered by several articles, known from gold to
// be about the same event.
type Story struct {
	Name     string
	Articles []*parallax.Article
}

// Outlets is the number of distinct outlets among the story's articles.
func (s Story) Outlets() int {
	seen := map[string]bool{}
	for _, a := range s.Articles {
		seen[a.Outlet] = true
	}
	return len(seen)
}

// Corpora are the dev sets the stress test reads, in the order their
// stories are taken: the coverage stories first (few, long, many outlets),
// then the ECB+ topics.
var Corpora = []string{"coverage", "ecbplus"}

// Load reads the stories of the dev sets under dir (../shared/corpus/dev):
// each corpus NAME.jsonl is read with the project's reader and grouped by
// NAME.gold.json. Stories with fewer than two outlets are dropped, as they
// have nothing to disagree with.
func Load(ctx context.Context, dir string) ([]Story, error) {
	var out []Story
	for _, name := range Corpora {
		ss, err := LoadCorpus(ctx, filepath.Join(dir, name+".jsonl"), filepath.Join(dir, name+".gold.json"))
		if err != nil {
			return nil, err
		}
		out = append(out, ss...)
	}
	return out, nil
}

// placeholderHost marks the ECB+ records, whose URLs name documents, not
// outlets: each document of a topic comes from a different source, so each
// is its own outlet.
const placeholderHost = "ecbplus.example"

// LoadCorpus reads one JSON Lines corpus and its gold story grouping.
func LoadCorpus(ctx context.Context, jsonl, gold string) ([]Story, error) {
	b, err := os.ReadFile(gold)
	if err != nil {
		return nil, fmt.Errorf("stress: read gold: %w", err)
	}
	var g struct {
		Stories []struct {
			Name     string   `json:"name"`
			Articles []string `json:"articles"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("stress: %s: %w", gold, err)
	}
	if len(g.Stories) == 0 {
		return nil, fmt.Errorf("stress: %s: no stories", gold)
	}
	arts, errs := read.Inputs(ctx, []string{jsonl}, read.Options{})
	if len(arts) == 0 {
		if len(errs) > 0 {
			return nil, fmt.Errorf("stress: read %s: %w", jsonl, errs[0])
		}
		return nil, fmt.Errorf("stress: %s: no articles", jsonl)
	}
	byURL := map[string]*parallax.Article{}
	for _, a := range arts {
		a.Received = nil // not needed, and perturbed copies must not carry the original
		u := strings.TrimRight(a.URL, "/")
		if strings.Contains(u, "://"+placeholderHost+"/") {
			a.Outlet = u[strings.LastIndexByte(u, '/')+1:]
		}
		byURL[u] = a
	}
	var out []Story
	for _, s := range g.Stories {
		st := Story{Name: s.Name}
		for _, u := range s.Articles {
			if a := byURL[strings.TrimRight(u, "/")]; a != nil {
				st.Articles = append(st.Articles, a)
			}
		}
		if st.Outlets() >= 2 {
			out = append(out, st)
		}
	}
	return out, nil
}
