package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every command and subcommand answers -h and --help with its usage on
// standard output and exit status 0.
func TestHelpEverywhere(t *testing.T) {
	cmds := [][]string{
		{"compare"}, {"ingest"}, {"stories"}, {"show"}, {"search"}, {"export"}, {"export", "articles"},
		{"export", "stories"}, {"export", "conflicts"}, {"feeds"}, {"feeds", "add"}, {"feeds", "list"},
		{"feeds", "remove"}, {"feeds", "import-opml"}, {"feeds", "export-opml"}, {"watch"}, {"serve"},
		{"bench"}, {"review"}, {"help"},
	}
	for _, c := range cmds {
		for _, h := range []string{"-h", "--help"} {
			args := append(append([]string{}, c...), h)
			out, errs, code := run(t, args...)
			if code != 0 || !strings.Contains(out, "Usage") || errs != "" {
				t.Errorf("parallax %s: exit %d, stdout %.60q, stderr %.80q; want the usage on stdout and 0", strings.Join(args, " "), code, out, errs)
			}
		}
	}
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help", "show"}} {
		out, _, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "Usage") {
			t.Errorf("parallax %s: exit %d, %.60q", strings.Join(args, " "), code, out)
		}
	}
	if out, _, _ := run(t, "help", "show"); !strings.Contains(out, "parallax show [flags] STORY") {
		t.Errorf("help show does not print show's usage: %.80q", out)
	}
	// A usage mistake still exits 2, with the problem and the usage on stderr.
	if _, errs, code := run(t, "feeds", "frobnicate"); code != 2 || !strings.Contains(errs, `unknown subcommand "frobnicate"`) {
		t.Errorf("feeds frobnicate: exit %d, %q", code, errs)
	}
	if _, errs, code := run(t, "show", "--bogus", "s1"); code != 2 || !strings.Contains(errs, "Usage") {
		t.Errorf("show --bogus: exit %d, %q", code, errs)
	}
}

// An input in a scheme Parallax does not read is named with the problem,
// not taken for a missing file.
func TestUnsupportedScheme(t *testing.T) {
	for _, args := range [][]string{
		{"compare", "gopher://example.org/1"},
		{"ingest", "--db", libDB(t), "--no-progress", "gopher://example.org/1"},
	} {
		_, errs, code := run(t, args...)
		if code == 0 || !strings.Contains(errs, `gopher://example.org/1: unsupported scheme "gopher"`) || strings.Contains(errs, "no such file") {
			t.Errorf("%s: exit %d, %q", args[0], code, errs)
		}
	}
	_, errs, _ := run(t, "compare", "https://example.org/story")
	if !strings.Contains(errs, "parallax ingest https://example.org/story") {
		t.Errorf("compare of a URL does not point at ingest: %q", errs)
	}
}

// Text files name their outlet with --outlet or in their front matter;
// search leaves out what it does not know; the CSV export writes times
// exactly.
func TestOutletsAndExports(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a1.txt", "---\noutlet: Harbor Gazette\ndate: 2026-03-03T10:00:00Z\n---\nFerry fire at Pier 4 injures 14\n\nA fire broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven. Fourteen people were injured, the fire service said.")
	b := write("b2.txt", "Ferry blaze at Pier 4 hurts 41\n\nA blaze broke out aboard the ferry Marigold Star at Pier 4 in Westerhaven. Forty-one people were injured, the fire service said.")
	rep := decode(t, mustRun(t, "compare", "--format", "json", a))
	if rep.Articles[0].Outlet != "Harbor Gazette" || rep.Articles[0].Published != "2026-03-03" {
		t.Errorf("front matter: %+v", rep.Articles[0])
	}
	rep = decode(t, mustRun(t, "compare", "--format", "json", "--outlet", "Evening Clarion", b))
	if rep.Articles[0].Outlet != "Evening Clarion" {
		t.Errorf("--outlet: %+v", rep.Articles[0])
	}
	// An outlets file gives display names and the coverage bar.
	outlets := write("outlets.csv", "domain,name,country,owner,lean\nHarbor Gazette,The Harbor Gazette,GB,Tallis Media,centre\nEvening Clarion,,GB,Clarion Group,right\nmeridian.example,Meridian Wire,US,,\n")
	text := mustRun(t, "compare", "--outlets", outlets, "--one-story", a, "--outlet", "Evening Clarion", b)
	for _, want := range []string{"The Harbor Gazette", "country: GB 2", "lean: centre 1 · right 1", "Covered only by outlets in GB"} {
		if !strings.Contains(text, want) {
			t.Errorf("compare --outlets: no %q in\n%s", want, text)
		}
	}
	if _, errs, code := run(t, "compare", "--outlets", filepath.Join(dir, "none.csv"), a); code == 0 || !strings.Contains(errs, "none.csv") {
		t.Errorf("a missing outlets file: exit %d, %q", code, errs)
	}
	db := libDB(t)
	mustRun(t, "ingest", "--db", db, "--no-progress", a)
	mustRun(t, "ingest", "--db", db, "--no-progress", "--outlet", "Evening Clarion", b)
	out := mustRun(t, "search", "--db", db, "ferry")
	if strings.Contains(out, "·  ·") || strings.Contains(out, "· ·") {
		t.Errorf("search shows an empty field as separators:\n%s", out)
	}
	if !strings.Contains(out, "Harbor Gazette · 2026-03-03 ·") || !strings.Contains(out, "Evening Clarion · story s") {
		t.Errorf("search lines:\n%s", out)
	}
	recs, err := csv.NewReader(strings.NewReader(mustRun(t, "export", "articles", "--db", db, "--format", "csv"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, r := range recs[1:] {
		dates = append(dates, r[4])
	}
	if strings.Join(dates, ",") != "2026-03-03T10:00:00Z," {
		t.Errorf("CSV date_publish: %q, want the exact time and nothing for the undated article", dates)
	}
}

// A conflict marked from the command line shows in show, in the JSON
// export and in the fact-check sheet, and survives the story being
// compared again.
func TestReviewAndFactCheckSheet(t *testing.T) {
	db := libDB(t)
	mustRun(t, "ingest", "--db", db, "--no-progress", "../../examples/harbor-gazette.txt", "../../examples/evening-clarion.txt")
	list := mustRun(t, "review", "--db", db, "s1")
	if !strings.Contains(list, "1. quantity") || !strings.Contains(list, "unreviewed") {
		t.Fatalf("review s1 lists:\n%s", list)
	}
	if _, errs, code := run(t, "review", "--db", db, "s1", "9", "--confirm", "--by", "ana"); code == 0 || !strings.Contains(errs, "conflicts 1 to") {
		t.Errorf("an unknown conflict: exit %d, %q", code, errs)
	}
	if _, errs, code := run(t, "review", "--db", db, "s1", "1", "--confirm", "--reject"); code != 2 || !strings.Contains(errs, "one of") {
		t.Errorf("two verdicts: exit %d, %q", code, errs)
	}
	mustRun(t, "review", "--db", db, "s1", "1", "--confirm", "--note", "the fire service's figure is 14", "--by", "ana")
	if out := mustRun(t, "show", "--db", db, "s1"); !strings.Contains(out, "confirmed by ana") {
		t.Errorf("show does not show the mark:\n%s", out)
	}
	// More coverage: the story is compared again; the mark stays.
	mustRun(t, "ingest", "--db", db, "--no-progress", "../../examples/meridian-wire.txt", "../../examples/bayline-radio.txt")
	rep := decode(t, mustRun(t, "show", "--db", db, "--format", "json", "s1"))
	marked := 0
	for _, c := range rep.Stories[0].Conflicts {
		if c.Review != nil && c.Review.Verdict == "confirmed" && c.Review.By == "ana" && c.Kind == "quantity" {
			marked++
		}
	}
	if marked != 1 {
		t.Errorf("after recomparing, %d conflicts carry the mark, want 1: %+v", marked, rep.Stories[0].Conflicts)
	}
	if out := mustRun(t, "export", "stories", "--db", db); !strings.Contains(out, `"review":{"key":"quantity|`) {
		t.Errorf("export stories lacks the review:\n%.400s", out)
	}
	sheet := mustRun(t, "export", "conflicts", "--db", db, "s1")
	for _, want := range []string{"# Fact-check sheet:", ". figures differ", "**Review:** confirmed by ana", "| A | harbor-gazette |", "41 people were injured"} {
		if !strings.Contains(sheet, want) {
			t.Errorf("the Markdown sheet lacks %q:\n%s", want, sheet)
		}
	}
	recs, err := csv.NewReader(strings.NewReader(mustRun(t, "export", "conflicts", "--db", db, "--format", "csv", "s1"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(recs[0], ",")
	if !strings.HasPrefix(head, "story,title,conflict,kind,subject,summary,side,outlet,article,url") || len(recs) < 3 {
		t.Fatalf("CSV sheet: %v", recs)
	}
	found := false
	for _, r := range recs[1:] {
		if r[7] == "evening-clarion" && strings.Contains(r[11], "41 people") && r[14] == "confirmed" {
			found = true
		}
	}
	if !found {
		t.Errorf("the CSV sheet has no row with the Clarion's words and the mark: %v", recs)
	}
}
