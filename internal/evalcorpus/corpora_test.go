package evalcorpus_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/internal/evalcorpus"
	"github.com/parallaxnews/parallax/internal/pipeline"
)

// TestCorpora scores the pipeline's analyser on the real corpora when
// PARALLAX_CORPORA names a directory holding polnear/ (a PolNeAR
// checkout), conll/ (eng.train, eng.testa), gmb/ and conll2002/ (esp.train,
// esp.testa); each missing corpus is
// skipped with a message. The floors sit a little below the measured
// baseline: they catch regressions and are raised as the analysis improves.
func TestCorpora(t *testing.T) {
	root := os.Getenv("PARALLAX_CORPORA")
	if root == "" {
		t.Skip("PARALLAX_CORPORA is not set: no annotated corpora to score (see internal/evalcorpus and the README's Quality section)")
	}
	an := pipeline.NewAnalyzer()
	present := func(name, probe string) string {
		dir := filepath.Join(root, name)
		if _, err := os.Stat(filepath.Join(dir, probe)); err != nil {
			t.Logf("%s: %s not found, skipped", name, filepath.Join(dir, probe))
			return ""
		}
		return dir
	}
	cfg := evalcorpus.Config{
		PolNeAR:   present("polnear", "data/train/text"),
		CoNLL:     present("conll", "eng.train"),
		GMB:       present("gmb", "GMB_dataset.txt"),
		CoNLL2002: present("conll2002", "esp.train"),
		Analyze:   an.Analyze,
	}
	if cfg.PolNeAR == "" && cfg.CoNLL == "" && cfg.GMB == "" && cfg.CoNLL2002 == "" {
		t.Skipf("no corpus under %s", root)
	}
	rep, err := evalcorpus.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	floor := func(corpus, metric string, got, min float64) {
		t.Helper()
		t.Logf("%s %s = %.3f (floor %.2f)", corpus, metric, got, min)
		if got < min {
			t.Errorf("%s %s = %.3f, below the floor %.2f", corpus, metric, got, min)
		}
	}
	if q := rep.Quotes["polnear"]; q != nil {
		if q.Gold < 5000 {
			t.Errorf("polnear: only %d gold quotes read (train+dev hold about 6,100)", q.Gold)
		}
		floor("polnear", "quote recall", q.QuoteRecall(), 0.97)
		floor("polnear", "attributed recall", q.AttributedRecall(), 0.865)
		floor("polnear", "speaker accuracy", q.SpeakerAccuracy(), 0.92)
		floor("polnear", "precision", q.Precision(), 0.90)
	}
	if e := rep.Entities["conll"]; e != nil {
		if e.Gold < 25000 {
			t.Errorf("conll: only %d gold mentions read (train+testa hold 25,131)", e.Gold)
		}
		floor("conll", "typed F1", e.Typed.F1(), 0.83)
		floor("conll", "untyped F1", e.Untyped.F1(), 0.91)
		floor("conll prose", "typed F1", rep.Entities["conll prose"].Typed.F1(), 0.83)
	}
	if e := rep.Entities["gmb"]; e != nil {
		if e.Gold < 4000 {
			t.Errorf("gmb: only %d gold mentions read (GMB_dataset.txt holds 4,414 person/organisation/place)", e.Gold)
		}
		floor("gmb", "typed F1", e.Typed.F1(), 0.795)
		floor("gmb", "untyped F1", e.Untyped.F1(), 0.88)
		floor("gmb+gpe", "typed F1", rep.Entities["gmb+gpe"].Typed.F1(), 0.81)
	}
	if e := rep.Entities["conll2002 es"]; e != nil {
		if e.Gold < 20000 {
			t.Errorf("conll2002: only %d gold mentions read (esp.train+esp.testa hold 20,532 person/organisation/place)", e.Gold)
		}
		floor("conll2002 es", "typed F1", e.Typed.F1(), 0.70)
		floor("conll2002 es", "untyped F1", e.Untyped.F1(), 0.86)
	}
}
