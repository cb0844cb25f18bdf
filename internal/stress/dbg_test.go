package stress

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDbgMissed(t *testing.T) {
	f, err := os.Open("/tmp/stress_log.jsonl")
	if err != nil {
		t.Skip()
	}
	stories, err := Load(context.Background(), "../../../shared/corpus/dev")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Story{}
	for _, s := range stories {
		byName[s.Name] = s
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	kind := os.Getenv("KIND")
	for sc.Scan() {
		var tr struct {
			Injection Injection
			Outcome   string
		}
		json.Unmarshal(sc.Bytes(), &tr)
		if tr.Outcome != "missed" || tr.Injection.Kind != kind {
			continue
		}
		n++
		if n > 30 {
			break
		}
		st := byName[tr.Injection.Story]
		// rebuild the text
		var orig string
		for _, a := range st.Articles {
			if a.ID == tr.Injection.Article {
				orig = a.Text
			}
		}
		tr.Injection.Text = orig[:tr.Injection.Orig.Start] + tr.Injection.After + orig[tr.Injection.Orig.End:]
		fmt.Fprintf(os.Stderr, "\n### %s %s -> %s\n", tr.Injection.Story, tr.Injection.Before, tr.Injection.After)
		os.Setenv("PXDBG", fmt.Sprintf("%s:%d", tr.Injection.Article, tr.Injection.Span.Start))
		var cps []string
		for _, c := range tr.Injection.Counterparts {
			cps = append(cps, fmt.Sprintf("%s:%d", c.Article, c.Span.Start))
		}
		os.Setenv("PXCP", strings.Join(cps, ","))
		conflictsOf(perturbed(st.Articles, tr.Injection))
	}
}
