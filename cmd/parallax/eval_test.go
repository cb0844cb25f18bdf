package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// The quality floors of the core issue, measured with the evaluation's own
// scorer on the shared development sets. They skip, saying why, when the
// shared folder or python3 is absent.

func sharedDir(t testing.TB) string {
	dir := sharedtest.Dir(t)
	if _, err := os.Stat(filepath.Join(dir, "eval", "score.py")); err != nil {
		t.Skipf("skipping: the scorer is not in %s", dir)
	}
	return dir
}

// score runs parallax compare --format json on inputs and scores the report.
func score(t *testing.T, gold string, inputs ...string) map[string]float64 {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("skipping: python3 is needed to run the shared scorer")
	}
	var out, errb bytes.Buffer
	m := NewMain(&out, &errb)
	if err := m.Run(context.Background(), append([]string{"compare", "--format", "json"}, inputs...)); err != nil {
		t.Fatalf("compare: %v\n%s", err, errb.String())
	}
	rep := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(rep, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join(sharedDir(t), "eval", "score.py"), gold, rep, "--json")
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, b)
	}
	var res map[string]float64
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatalf("score.py output: %v\n%s", err, b)
	}
	for k, v := range res {
		t.Logf("%-24s %.3f", k, v)
	}
	return res
}

type floor struct {
	metric string
	min    float64 // the value must be at least min…
	max    float64 // …and at most max, when max ≥ 0
}

func checkFloors(t *testing.T, res map[string]float64, floors []floor) {
	t.Helper()
	for _, f := range floors {
		v, ok := res[f.metric]
		if !ok {
			t.Errorf("%s: missing from the scorer's output", f.metric)
			continue
		}
		if v < f.min || f.max >= 0 && v > f.max {
			t.Errorf("%s = %.3f, want in [%.2f, %.2f]", f.metric, v, f.min, f.max)
		}
	}
}

func TestQualitySeeds(t *testing.T) {
	sh := sharedDir(t)
	res := score(t, filepath.Join(sh, "eval", "seeds.gold.json"), filepath.Join(sh, "corpus", "seeds"))
	checkFloors(t, res, []floor{
		{"score", 0.90, -1},
		{"conflict_recall", 1.0, -1},
		{"conflict_false_alarms", 0, 0},
		{"conflict_precision", 0.5, -1},
		{"attributed_quote_recall", 0.9, -1},
		{"quantity_recall", 0.9, -1},
		{"entity_precision", 0.8, -1},
		{"false_exclusives", 0, 1},
	})
}

func TestQualityECBPlus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the ECB+ grouping measurement in -short mode")
	}
	sh := sharedDir(t)
	dev := filepath.Join(sh, "corpus", "dev")
	res := score(t, filepath.Join(dev, "ecbplus.gold.json"), filepath.Join(dev, "ecbplus.jsonl"))
	checkFloors(t, res, []floor{{"story_bcubed_f1", 0.88, -1}})
}

func TestQualityCoverage(t *testing.T) {
	sh := sharedDir(t)
	dev := filepath.Join(sh, "corpus", "dev")
	res := score(t, filepath.Join(dev, "coverage.gold.json"), filepath.Join(dev, "coverage.jsonl"))
	checkFloors(t, res, []floor{
		{"story_bcubed_f1", 0.90, -1},
		{"conflict_recall", 0.5, -1},
		{"conflict_precision", 0.5, -1},
		{"quantity_recall", 0.8, -1},
		{"attributed_quote_recall", 0.7, -1},
	})
}
