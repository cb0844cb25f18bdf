package ner_test

import (
	"os"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/internal/ner"
	"github.com/parallaxnews/parallax/internal/ner/nercorpus"
)

// TestCorpora measures the embedded model on the evaluation corpora (never
// trained on) when PARALLAX_CORPORA points at them (layout: see ./train).
// The floors guard against regressions of the shipped model; they sit a
// little under what it measured (CoNLL-2003 dev typed F1 0.748, GMB 0.706).
func TestCorpora(t *testing.T) {
	root := os.Getenv("PARALLAX_CORPORA")
	if root == "" {
		t.Skip("PARALLAX_CORPORA not set: no corpora to measure on")
	}
	m := model(t)
	floors := map[string]float64{"conll2003-dev": 0.73, "conll2003-train": 0.69, "gmb": 0.67}
	for _, src := range nercorpus.Evaluation {
		sents, err := src.Load(root)
		if err != nil {
			t.Logf("skip %s: %v", src.Name, err)
			continue
		}
		if src.Titles {
			nercorpus.StripTitles(sents, func(w string) bool { return ner.NounClass(w) == "noun.person" })
		}
		sc := nercorpus.Evaluate(sents, m.TagWords)
		var b strings.Builder
		sc.Write(&b, src.Name+" ("+src.Licence+")")
		t.Log("\n" + b.String())
		if f := sc.All.F1(); f < floors[src.Name] {
			t.Errorf("%s: typed F1 %.3f, below the regression floor %.2f", src.Name, f, floors[src.Name])
		}
	}
}
