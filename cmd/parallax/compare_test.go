package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// run runs the real program with args and returns its output streams and
// exit status.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	m := NewMain(&out, &errb)
	err := m.Run(context.Background(), args)
	code = 0
	if err != nil {
		if e, ok := err.(errSilent); ok {
			code = e.code
		} else {
			code = 1
			errb.WriteString(err.Error())
		}
	}
	return out.String(), errb.String(), code
}

func decode(t *testing.T, s string) parallax.Report {
	t.Helper()
	var rep parallax.Report
	if err := json.Unmarshal([]byte(s), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%.500s", err, s)
	}
	return rep
}

// The README demo: the fictional ferry fire. Its JSON report is pinned by a
// golden file; `go test ./cmd/parallax -update` rewrites it after an
// intended change.
func TestExamplesGolden(t *testing.T) {
	out, errs, code := run(t, "compare", "--format", "json", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	golden := filepath.Join("testdata", "examples.json")
	if *update {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/parallax -update to create it)", err)
	}
	if out != string(want) {
		t.Errorf("report differs from %s; run go test ./cmd/parallax -update if the change is intended.\n%s", golden, firstDiff(string(want), out))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// What the example is built to show must be in its report, whatever the
// golden file says.
func TestExamplesReport(t *testing.T) {
	out, errs, code := run(t, "compare", "--format", "json", "../../examples")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	rep := decode(t, out)
	if len(rep.Stories) != 2 || len(rep.Stories[1].Articles) != 1 {
		t.Fatalf("%d stories, want 2 (the ferry fire, and the unrelated article on its own)", len(rep.Stories))
	}
	st := rep.Stories[0]
	src := map[string]string{}
	for _, a := range st.Articles {
		src[a.ID] = filepath.Base(a.Source)
	}
	if len(st.Articles) != 6 {
		t.Errorf("story has %d articles, want the 6 ferry-fire articles: %v", len(st.Articles), src)
	}
	for _, a := range st.Articles {
		if strings.Contains(a.Source, "lisgarrow") {
			t.Errorf("the Lisgarrow fire (another event) joined the story")
		}
	}
	// the injured count: 14 against the tabloid's 41
	found := false
	for _, c := range st.Conflicts {
		if c.Kind == "quantity" && strings.Contains(c.Summary, "41") && strings.Contains(c.Summary, "14") {
			found = true
		}
	}
	if !found {
		t.Errorf("no quantity conflict 14 vs 41 injured; conflicts: %v", summaries(st.Conflicts))
	}
	// compatible passenger counts are agreement, not conflict
	for _, c := range st.Conflicts {
		if strings.Contains(c.Summary, "passengers") {
			t.Errorf("compatible passenger counts reported as a conflict: %s", c.Summary)
		}
	}
	// asserted vs alleged
	found = false
	for _, c := range st.Conflicts {
		if c.Kind == "characterization" {
			found = true
		}
	}
	if !found {
		t.Errorf("no characterization conflict (the arsonist vs the alleged arsonist); conflicts: %v", summaries(st.Conflicts))
	}
	// the prior inspection is the Gazette's alone
	found = false
	for _, f := range st.Facts {
		for _, e := range f.Evidence {
			if strings.Contains(e.Text, "inspection") && f.Exclusive && src[e.Article] == "harbor-gazette.txt" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the Gazette's exclusive (the November inspection) is missing")
	}
	// quotes with speakers resolved
	speakers := map[string]bool{}
	for _, sp := range st.Speakers {
		speakers[sp.Name] = true
	}
	for _, want := range []string{"Helena Varga", "Daniel Okafor"} {
		if !speakers[want] {
			t.Errorf("no quotes attributed to %s; speakers: %v", want, speakers)
		}
	}
	// every piece of evidence is the article's own words
	texts := map[string]string{}
	for _, a := range st.Articles {
		b, err := os.ReadFile(filepath.Join("../../examples", filepath.Base(a.Source)))
		if err != nil {
			t.Fatal(err)
		}
		texts[a.ID] = string(b)
	}
	check := func(what string, e parallax.Evidence) {
		if got := texts[e.Article][e.Start:e.End]; got != e.Text {
			t.Errorf("%s evidence %q is not the article's text at %d:%d (%q)", what, e.Text, e.Start, e.End, got)
		}
	}
	for _, f := range st.Facts {
		for _, e := range f.Evidence {
			check("fact", e)
		}
	}
	for _, c := range st.Conflicts {
		for _, side := range c.Sides {
			for _, e := range side {
				check("conflict", e)
			}
		}
	}
	for _, d := range st.Digest {
		if len(d.Cites) == 0 {
			t.Errorf("digest line cites nothing: %q", d.Text)
		}
	}
}

func summaries(cs []parallax.Conflict) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Kind+": "+c.Summary)
	}
	return out
}

func TestFormats(t *testing.T) {
	for _, f := range []struct{ name, must string }{
		{"text", "STORY"}, {"md", "#"}, {"html", "<html"}, {"json", `"stories"`},
	} {
		out, errs, code := run(t, "compare", "--format", f.name, "../../examples")
		if code != 0 || !strings.Contains(out, f.must) {
			t.Errorf("--format %s: exit %d, output lacks %q (stderr %s)", f.name, code, f.must, errs)
		}
	}
	_, errs, code := run(t, "compare", "--format", "pdf", "../../examples")
	if code != 2 || !strings.Contains(errs, "pdf") {
		t.Errorf("--format pdf: exit %d, stderr %q; want a usage error naming the format", code, errs)
	}
}

// Bad inputs are reported one line each, naming the input and the problem;
// the good inputs are still compared; the exit status says something failed.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", nil)
	binary := write("photo.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3}, 500)...))
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // 50 MB, sparse
		t.Fatal(err)
	}
	f.Close()
	badUTF8 := write("latin1.txt", []byte("Caf\xe9 owners protest\nThe caf\xe9 owners of Westerhaven protested on Monday against the new harbour fees."))
	jsonl := write("feed.jsonl", []byte(`{"url":"https://a.example/1","title":"Harbour fees rise","maintext":"Westerhaven raised harbour fees by 12 percent on Monday, the port authority said."}
{"url":"https://b.example/2","title":"broken",
{"url":"https://c.example/3","title":"Port fees up 12%","maintext":"The Westerhaven port authority raised harbour fees by 12 percent on Monday."}
`))
	missing := filepath.Join(dir, "nope.txt")

	out, errs, code := run(t, "compare", "--format", "json", empty, binary, big, badUTF8, jsonl, missing)
	if code == 0 {
		t.Errorf("exit status 0 with bad inputs")
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	for _, want := range []struct{ input, problem string }{
		{"empty.txt", "empty"}, {"photo.txt", "binary"}, {"huge.txt", "limit"}, {"feed.jsonl:2", "JSON"}, {"nope.txt", ""},
	} {
		ok := false
		for _, l := range lines {
			if strings.Contains(l, want.input) && strings.Contains(strings.ToLower(l), strings.ToLower(want.problem)) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("no error line naming %s (%s); stderr:\n%s", want.input, want.problem, errs)
		}
	}
	for _, l := range lines {
		if strings.Contains(l, "latin1.txt") {
			t.Errorf("invalid UTF-8 should be repaired, not refused: %s", l)
		}
		if strings.Contains(l, "panic") || strings.Contains(l, "goroutine") {
			t.Fatalf("panic: %s", errs)
		}
	}
	rep := decode(t, out)
	if len(rep.Articles) != 3 {
		t.Errorf("%d articles compared, want 3 (latin1.txt and two JSON Lines records)", len(rep.Articles))
	}
	if len(rep.Errors) < 5 {
		t.Errorf("report lists %d input errors, want at least 5", len(rep.Errors))
	}
	// the two harbour-fee records are one story
	if len(rep.Stories) != 1 || len(rep.Stories[0].Articles) < 2 {
		t.Errorf("the good inputs were not compared into one story: %+v", rep.Stories)
	}
}

func TestUsage(t *testing.T) {
	if _, errs, code := run(t); code != 2 || !strings.Contains(errs, "Usage") {
		t.Errorf("no args: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := run(t, "compare"); code != 2 || !strings.Contains(errs, "hint") {
		t.Errorf("compare without inputs: exit %d, stderr %q", code, errs)
	}
	if _, errs, code := run(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: exit %d, stderr %q", code, errs)
	}
}
