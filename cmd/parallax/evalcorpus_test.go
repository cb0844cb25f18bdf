package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The command runs the real analyser on the evalcorpus package's fictional
// fixtures; the scores themselves are tested in that package.
func TestEvalCorpusCommand(t *testing.T) {
	fixtures := filepath.Join("..", "..", "internal", "evalcorpus", "testdata")
	errFile := filepath.Join(t.TempDir(), "errors.jsonl")
	out, errs, code := run(t, "evalcorpus", "--json", "--errors", errFile, "--polnear-parts", "train",
		"--polnear", filepath.Join(fixtures, "polnear"), "--conll", filepath.Join(fixtures, "conll"), "--gmb", filepath.Join(fixtures, "gmb"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Quotes map[string]struct {
			Gold int `json:"gold_quotes"`
		} `json:"quotes"`
		Entities map[string]struct {
			Gold  int              `json:"gold_mentions"`
			Typed struct{ FN int } `json:"typed"`
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if rep.Quotes["polnear"].Gold != 6 || rep.Entities["conll"].Gold != 8 || rep.Entities["gmb"].Gold != 3 || rep.Entities["gmb+gpe"].Gold != 4 {
		t.Errorf("gold counts: %s", out)
	}
	f, err := os.Open(errFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		var r struct{ Task, Kind, Sentence string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.Task == "" || r.Kind == "" || r.Sentence == "" {
			t.Errorf("error line %q: %v", sc.Text(), err)
		}
		n++
	}
	// every gold mention missed is an error line
	if fn := rep.Entities["conll"].Typed.FN; n < fn {
		t.Errorf("%d error lines, fewer than the %d CoNLL mentions missed", n, fn)
	}

	out, _, code = run(t, "evalcorpus", "--conll", filepath.Join(fixtures, "conll"))
	if code != 0 || !strings.Contains(out, "typed F1") || !strings.Contains(out, "Confusion conll") {
		t.Errorf("text output (exit %d):\n%s", code, out)
	}
	if _, errs, code := run(t, "evalcorpus"); code != 2 || !strings.Contains(errs, "--polnear") {
		t.Errorf("no corpus: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := run(t, "evalcorpus", "--polnear", filepath.Join(fixtures, "polnear")); code != 1 || !strings.Contains(errs, "data/dev") {
		t.Errorf("missing dev compartment: exit %d, stderr %q", code, errs)
	}
}
