package main

import (
	"bufio"
	"bytes"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/synth"
)

// writeCorpus writes n synthetic articles as JSON Lines.
func writeCorpus(t *testing.T, n int) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, a := range synth.Corpus(synth.Options{Articles: n, Seed: 11}) {
		enc.Encode(map[string]string{"url": a.URL, "title": a.Title, "maintext": a.Text, "language": "en",
			"date_publish": a.Published.Format("2006-01-02 15:04:05")})
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// syncBuffer is a bytes.Buffer a child's stderr is copied into while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startMain runs the program in a child process, with its own signal
// handling (TestHelperMain).
func startMain(t *testing.T, args ...string) (*exec.Cmd, *syncBuffer) {
	return startMainLog(t, false, args...)
}

// startMainLog is startMain; with info, the child logs its steps (level
// info) to its stderr.
func startMainLog(t *testing.T, info bool, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("skipping: no SIGTERM on Windows")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperMain$")
	cmd.Env = append(os.Environ(), "PARALLAX_HELPER_MAIN="+strings.Join(args, "\x1f"))
	if info {
		cmd.Env = append(cmd.Env, "PARALLAX_HELPER_LOG=info")
	}
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait for the child to say its signal handling is in place.
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if line != "signals ready\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("child: %q %v; stderr: %s", line, err, stderr)
	}
	go io.Copy(io.Discard, stdout)
	return cmd, stderr
}

// terminate sends SIGTERM and returns how long the child took to exit and
// its exit status.
func terminate(t *testing.T, cmd *exec.Cmd) (time.Duration, int) {
	t.Helper()
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if err != nil && !errors.As(err, &exit) {
			t.Fatal(err)
		}
		return time.Since(sent), cmd.ProcessState.ExitCode()
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the program did not stop within 30 s of SIGTERM")
	}
	return 0, 0
}

// stopBound is a generous bound on the time from SIGTERM to exit: the
// program aims at under a second (it gives a busy command 0.7 s), but the
// machine running the tests may be loaded.
const stopBound = 5 * time.Second

// TestSignalStopsIngest sends SIGTERM to an ingest of a large input in
// mid-run: it must stop quickly, say so, and leave the library sound, with
// every article it stored placed in a story.
func TestSignalStopsIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the signal test in -short mode")
	}
	corpus := writeCorpus(t, 3000)
	db := filepath.Join(t.TempDir(), "lib.db")
	cmd, stderr := startMain(t, "ingest", "--db", db, "--no-progress", corpus)
	deadline := time.Now().Add(90 * time.Second)
	for countArticles(db) < 200 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	took, code := terminate(t, cmd)
	n := countArticles(db)
	t.Logf("SIGTERM after %d of 3000 articles: exit %d after %v; stderr:\n%s", n, code, took.Round(time.Millisecond), stderr)
	if n < 200 || n >= 3000 {
		t.Fatalf("%d articles stored; the test wants the signal in mid-run", n)
	}
	if took > stopBound {
		t.Errorf("took %v to stop, want well under %v", took, stopBound)
	}
	if code != 130 || !strings.Contains(stderr.String(), "interrupted") || strings.Contains(stderr.String(), "internal error") {
		t.Errorf("exit %d, stderr %q: want 130 and a message saying it was interrupted", code, stderr)
	}
	checkIntegrity(t, db)
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqldb.Close()
	var unplaced int
	if err := sqldb.QueryRow("SELECT count(*) FROM articles WHERE story_id IS NULL").Scan(&unplaced); err != nil || unplaced != 0 {
		t.Errorf("%d stored articles are in no story (%v)", unplaced, err)
	}
}

// TestSignalStopsRegroup sends SIGTERM to an ingest while it groups its
// articles again at its end (see "One grouping" in the README): it must
// stop quickly, say so and what is left, exit 130, and leave the library
// as it was before the regrouping began: the file sound, every article
// stored and placed, nothing of the regrouping saved, so that the next
// ingest, regrouping what waits, makes the stories of a run never
// interrupted.
func TestSignalStopsRegroup(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the signal test in -short mode")
	}
	const n = 3000
	corpus := writeCorpus(t, n)
	db := filepath.Join(t.TempDir(), "lib.db")
	cmd, stderr := startMainLog(t, true, "ingest", "--db", db, "--no-progress", corpus)
	deadline := time.Now().Add(3 * time.Minute)
	for !strings.Contains(stderr.String(), "grouping stories again") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	before := stderr.String()
	took, code := terminate(t, cmd)
	t.Logf("SIGTERM while regrouping: exit %d after %v; stderr:\n%s", code, took.Round(time.Millisecond), stderr)
	if !strings.Contains(before, "grouping stories again") || strings.Contains(before, "stories grouped again") {
		t.Fatalf("the test wants the signal while the run's articles are grouped again; stderr at the signal:\n%s", before)
	}
	if took > stopBound {
		t.Errorf("took %v to stop, want well under %v", took, stopBound)
	}
	msg := stderr.String()
	if code != 130 || !strings.Contains(msg, "interrupted") || strings.Contains(msg, "internal error") {
		t.Errorf("exit %d: want 130 and a message saying it was interrupted", code)
	}
	if !strings.Contains(msg, "not grouped again yet") {
		t.Errorf("stderr does not say the articles wait for the next regrouping")
	}
	checkIntegrity(t, db)
	if got := countArticles(db); got != n {
		t.Errorf("%d articles stored, want %d", got, n)
	}
	sqldb, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var unplaced int
	if err := sqldb.QueryRow("SELECT count(*) FROM articles WHERE story_id IS NULL").Scan(&unplaced); err != nil || unplaced != 0 {
		t.Errorf("%d stored articles are in no story (%v)", unplaced, err)
	}
	sqldb.Close()

	// The next run adds nothing and regroups what the stopped one left;
	// its stories are those of one run never stopped.
	mustRun(t, "ingest", "--db", db, "--no-progress", corpus)
	ref := filepath.Join(t.TempDir(), "ref.db")
	mustRun(t, "ingest", "--db", ref, "--no-progress", corpus)
	got, want := partition(t, db), partition(t, ref)
	if len(want) < 2 {
		t.Fatalf("the reference run made %d stories; the test wants several", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("after the stopped run and the next, %d stories; one run never stopped makes %d, not the same", len(got), len(want))
	}
}

// partition returns a library's stories as the sorted URLs of their
// articles (a copy marked with the URL it copies), sorted.
func partition(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT a.story_id, coalesce(a.url, a.hash, ''), coalesce(o.url, o.hash, '') FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	stories := map[int64][]string{}
	for rows.Next() {
		var story sql.NullInt64
		var url, of string
		if err := rows.Scan(&story, &url, &of); err != nil {
			t.Fatal(err)
		}
		if of != "" {
			url += " (copy of " + of + ")"
		}
		stories[story.Int64] = append(stories[story.Int64], url)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, urls := range stories {
		slices.Sort(urls)
		out = append(out, strings.Join(urls, "\n"))
	}
	slices.Sort(out)
	return out
}

// TestSignalStopsCompare sends SIGTERM to a compare writing a report file:
// no report, and no half of one, is left.
func TestSignalStopsCompare(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping the signal test in -short mode")
	}
	corpus := writeCorpus(t, 3000)
	dir := t.TempDir()
	out := filepath.Join(dir, "report.html")
	cmd, stderr := startMain(t, "compare", "--format", "html", "-o", out, corpus)
	time.Sleep(300 * time.Millisecond)
	took, code := terminate(t, cmd)
	t.Logf("exit %d after %v; stderr:\n%s", code, took.Round(time.Millisecond), stderr)
	if code == 0 {
		t.Skip("compare finished before the signal; nothing to check")
	}
	if took > stopBound {
		t.Errorf("took %v to stop, want well under %v", took, stopBound)
	}
	if code != 130 || !strings.Contains(stderr.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q: want 130 and a message saying it was interrupted", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files left behind: %v", entries)
	}
}

// TestHelperMain is the child process of the signal tests: the program
// with its signal handling, arguments from PARALLAX_HELPER_MAIN.
func TestHelperMain(t *testing.T) {
	args := os.Getenv("PARALLAX_HELPER_MAIN")
	if args == "" {
		t.Skip("helper process for the signal tests")
	}
	signalsReady = func() { fmt.Println("signals ready") }
	if os.Getenv("PARALLAX_HELPER_LOG") == "info" {
		logLevel = slog.LevelInfo
	}
	os.Exit(runMain(strings.Split(args, "\x1f")))
}
