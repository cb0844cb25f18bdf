package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The web UI in a real browser: the examples and a hostile article are
// ingested with the real ingest command, the real serve command runs in
// this process on loopback, and web/e2e/browser.mjs drives Debian's
// Chromium through playwright-core over it (a reader's walk from the home
// page to a piece of evidence, screenshots, and proof that the hostile
// article's markup never runs). CI installs Chromium and playwright-core;
// elsewhere the test skips, saying what is missing.
//
// PARALLAX_SCREENSHOTS=DIR keeps the screenshots in DIR.

const chromiumPath = "/usr/bin/chromium"

// hostileArticle is a fictional report of the ferry fire whose title and
// text carry script in every form a page could be tricked into running.
const hostileArticle = `Ferry blaze <script>alert(1)</script> at Pier 4 " onmouseover="alert(1) <img src=x onerror=alert(1)>

WESTERHAVEN, March 3, 2026 — Smoke rose over Pier 4 on Tuesday as the ferry Marigold Star burned at its berth, the Westerhaven Sentinel <img src=x onerror=alert(1)> reports.

"<script>alert(1)</script> We were lucky," said Mayor Helena Varga, who praised the volunteers on the quay.

Readers can find the harbour timetable <a href="javascript:alert(1)">here</a> and photos at <a href=javascript:alert(1)>this link</a>.

An engineer said the galley fire " onmouseover="alert(1)" x=" spread quickly; '><svg onload=alert(1)> the board will investigate.
`

// portWeekly is a fictional follow-up on the ferry fire, by a fictional
// outlet, with the figure the outlets dispute.
const portWeekly = `Marigold Star fire: harbour counts the cost

WESTERHAVEN, March 5, 2026 — Two days after fire broke out in the galley of the ferry Marigold Star at Pier 4, Tallis Sound Ferries said the vessel would stay out of service for at least a month. Fourteen people were injured in the fire, Westerhaven Fire and Rescue said, most of them by smoke.

Tobias Renn, 34, a former galley worker charged with arson, is due to appear in Westerhaven Magistrates' Court on Thursday. The Coastal Transit Safety Board (CTSB) is investigating.

"We will rebuild the galley and return the Marigold Star to service," a Tallis Sound Ferries spokesperson said.
`

func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		t.Skipf("no Chromium at %s: apt-get install chromium (.ci/run does)", chromiumPath)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "playwright-core", "package.json")); err != nil {
		t.Skip("no node_modules/playwright-core: run npm ci at the repository root (.ci/run does)")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("no node on PATH")
	}

	// The library: the ferry-fire examples and the hostile article.
	dir := t.TempDir()
	db := filepath.Join(dir, "parallax.db")
	hostileFile := filepath.Join(dir, "westerhaven-sentinel.txt")
	if err := os.WriteFile(hostileFile, []byte(hostileArticle), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := run(t, "ingest", "--db", db, "--no-progress", "../../examples", hostileFile); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, errs)
	}
	hostile := ""
	sc := bufio.NewScanner(strings.NewReader(mustRun(t, "export", "articles", "--db", db)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct {
			ID    json.RawMessage `json:"id"`
			Title string          `json:"title"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(a.Title, "<script>") {
			hostile = strings.TrimPrefix(strings.Trim(string(a.ID), `"`), "a")
		}
	}
	if _, err := strconv.Atoi(hostile); err != nil {
		t.Fatalf("the hostile article was not stored with its title (id %q)", hostile)
	}

	// The server: the real serve command, in this process, on loopback.
	var logs limitedBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	srv, err := startServe(ctx, &Main{Stdout: &logs, Stderr: &logs, Logger: NewMain(&logs, &logs).Logger}, db)
	if err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	defer func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("serve: %v\n%s", err, logs.String())
		}
	}()

	out := t.TempDir()
	if d := os.Getenv("PARALLAX_SCREENSHOTS"); d != "" {
		out = d
	}
	// More coverage of the ferry fire, which the browser adds through the
	// Add page once it has marked a conflict.
	more := filepath.Join(dir, "port-weekly.txt")
	if err := os.WriteFile(more, []byte(portWeekly), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, node, filepath.Join("web", "e2e", "browser.mjs"),
		"--base", srv.Base, "--out", out, "--hostile", hostile, "--more", more, "--timeout", "150")
	cmd.Dir = root
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("browser.mjs: %v\n%s\nserver log:\n%s", err, res, logs.String())
	}
	var sum struct {
		OK          bool     `json:"ok"`
		Screenshots []string `json:"screenshots"`
		Checks      []struct {
			OK   bool   `json:"ok"`
			What string `json:"what"`
		} `json:"checks"`
	}
	if err := json.Unmarshal(res, &sum); err != nil || !sum.OK {
		t.Fatalf("browser.mjs summary (%v):\n%s", err, res)
	}
	for _, name := range []string{"home.png", "story.png", "story-conflicts.png", "article.png", "hostile.png", "home-390.png", "story-390.png"} {
		if fi, err := os.Stat(filepath.Join(out, name)); err != nil || fi.Size() < 1000 {
			t.Errorf("screenshot %s missing or empty (%v)", name, err)
		}
	}
	if testing.Verbose() {
		t.Logf("browser.mjs summary:\n%s", res)
	}
	t.Logf("%d browser checks passed; screenshots in %s", len(sum.Checks), out)
}

// The load benchmark, small: a library of 60 articles, the real server on
// loopback, a few requests per endpoint; every row of the table printed.
func TestBenchServe(t *testing.T) {
	if testing.Short() {
		t.Skip("load benchmark skipped in -short mode")
	}
	out, errs, code := run(t, "bench", "-serve", "60", "-requests", "40")
	if code != 0 {
		t.Fatalf("bench -serve: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"library: 60 synthetic articles", "/stories/{id}, ", "/api/v1/stories/{id}, ", "(uncached)", "p99 ms"} {
		if !strings.Contains(out, want) {
			t.Errorf("bench -serve output lacks %q:\n%s", want, out)
		}
	}
}
