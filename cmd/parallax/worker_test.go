package main

import (
	"bytes"
	"context"
	binenc "encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/postgres/pgtest"
	"github.com/parallaxnews/parallax/internal/queue/queuetest"
	"github.com/parallaxnews/parallax/internal/synth"
)

func TestBCubed(t *testing.T) {
	same := map[string]int{"a": 1, "b": 1, "c": 2}
	if p, r, f := bcubed(same, same); p != 1 || r != 1 || f != 1 {
		t.Errorf("bcubed(x, x) = %v %v %v, want 1 1 1", p, r, f)
	}
	// got merges two clusters of want: recall stays 1, precision drops.
	got := map[string]int{"a": 1, "b": 1, "c": 1, "d": 1}
	want := map[string]int{"a": 1, "b": 1, "c": 2, "d": 2}
	p, r, f := bcubed(got, want)
	if p != 0.5 || r != 1 || math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("bcubed(merged) = %v %v %v, want 0.5 1 0.667", p, r, f)
	}
	p, r, _ = bcubed(want, got)
	if p != 1 || r != 0.5 {
		t.Errorf("bcubed(split) = %v %v, want 1 0.5", p, r)
	}
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the parallax command once for the tests that run it as
// separate processes.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "parallax-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "parallax")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// writeJSONL writes articles as news-please JSON Lines.
func writeJSONL(t testing.TB, path string, arts []*parallax.Article) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, a := range arts {
		enc.Encode(map[string]string{"url": a.URL, "title": a.Title, "maintext": a.Text,
			"date_publish": a.Published.UTC().Format("2006-01-02 15:04:05"), "source_domain": a.Outlet, "language": "en"})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// libraryState is what a library holds, read behind the Store's back.
type libraryState struct {
	articles, urls, unplaced, stale, pending int
	// unregrouped: articles placed and not grouped again yet, as the
	// grouping index's saved counts have it (documents placed, then the
	// one the last regrouping reached, the fifth number).
	unregrouped int
}

func readState(ctx context.Context, conn *pgx.Conn) (s libraryState, err error) {
	var meta []byte
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(DISTINCT url) FROM articles),
		(SELECT count(*) FROM articles WHERE story_id IS NULL),
		(SELECT count(*) FROM stories s WHERE s.report IS NULL
			OR s.articles != (SELECT count(*) FROM articles a WHERE a.story_id = s.id)),
		(SELECT value FROM group_state WHERE kind = $1 AND key = 0)`, group.StateMeta).Scan(&s.articles, &s.urls, &s.unplaced, &s.stale, &meta)
	if err != nil {
		return s, err
	}
	if meta == nil {
		s.unregrouped = s.articles // no index saved yet
		return s, nil
	}
	var n [5]uint64
	for i := range n {
		v, k := binenc.Uvarint(meta)
		if k <= 0 {
			return s, fmt.Errorf("the grouping index's counts: %x", meta)
		}
		n[i], meta = v, meta[k:]
	}
	s.unregrouped = int(n[0] - n[4])
	return s, nil
}

// Three workers (the real binary, separate processes) ingest one queue
// into one PostgreSQL library; the one placing articles is killed with
// SIGKILL halfway. Another takes over placing, the jobs the dead one held
// come back to the others, and in the end every article is stored once,
// placed, and every story compared — grouped as one process would, since
// articles are placed in the order their jobs were queued.
func TestWorkersKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three worker processes")
	}
	dsn := pgtest.DSN(t)
	natsURL, stream := queuetest.Stream(t)
	bin := binary(t)
	ctx := context.Background()

	// The library's schema, before anyone looks at its tables.
	if st, err := openStore(ctx, dsn); err != nil {
		t.Fatal(err)
	} else {
		st.Close()
	}
	const n = 600
	arts := synth.Corpus(synth.Options{Articles: n, Seed: 7, Start: time.Now().Add(-20 * 24 * time.Hour)})
	input := filepath.Join(t.TempDir(), "coverage.jsonl")
	writeJSONL(t, input, arts)
	if _, errs, code := run(t, "ingest", "--queue", natsURL, "--stream", stream, input); code != 0 || !strings.Contains(errs, fmt.Sprintf("queued %d jobs", n)) {
		t.Fatalf("ingest --queue: exit %d: %s", code, errs)
	}

	type proc struct {
		cmd *exec.Cmd
		out *bytes.Buffer
	}
	var procs []*proc
	for i := 0; i < 3; i++ {
		u, _ := url.Parse(dsn)
		q := u.Query()
		q.Set("application_name", fmt.Sprintf("worker%d", i))
		u.RawQuery = q.Encode()
		p := &proc{out: new(bytes.Buffer)}
		p.cmd = exec.Command(bin, "worker", "--db", u.String(), "--nats", natsURL, "--stream", stream, "--jobs", "1", "--ack-wait", "3s", "--compare-every", "2s")
		p.cmd.Stdout, p.cmd.Stderr = p.out, p.out
		if err := p.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	defer func() {
		for _, p := range procs {
			if p.cmd.ProcessState == nil {
				p.cmd.Process.Kill()
				p.cmd.Wait()
			}
			if t.Failed() {
				t.Logf("%s:\n%s", p.cmd.Args[0], p.out)
			}
		}
	}()

	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	schema, _ := url.Parse(dsn)
	// Kill the placing worker once a quarter of the articles are in.
	killed := -1
	deadline := time.Now().Add(2 * time.Minute)
	for killed < 0 && time.Now().Before(deadline) {
		s, err := readState(ctx, conn)
		if err != nil {
			t.Fatal(err)
		}
		if s.articles >= n/4 {
			var app string
			err := conn.QueryRow(ctx, `SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.objid = hashtext('parallax place ' || $1)::oid`,
				schema.Query().Get("search_path")).Scan(&app)
			if err != nil {
				t.Fatalf("who places: %v", err)
			}
			fmt.Sscanf(app, "worker%d", &killed)
			if killed < 0 || killed > 2 {
				t.Fatalf("the placement lock is held by %q", app)
			}
			procs[killed].cmd.Process.Signal(syscall.SIGKILL)
			procs[killed].cmd.Wait()
			t.Logf("killed worker%d, the placer, with %d of %d articles stored, %d unplaced", killed, s.articles, n, s.unplaced)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if killed < 0 {
		t.Fatal("the workers stored too few articles in two minutes")
	}
	var s libraryState
	for time.Now().Before(deadline) {
		if s, err = readState(ctx, conn); err != nil {
			t.Fatal(err)
		}
		// Done when the placer, the queue empty, has grouped the stories
		// again and compared them, as one process does at its end.
		if s.articles == n && s.unplaced == 0 && s.stale == 0 && s.unregrouped == 0 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if s.articles != n || s.urls != n || s.unplaced != 0 || s.stale != 0 || s.unregrouped != 0 {
		t.Fatalf("after the workers: %d articles (%d URLs), %d unplaced, %d stories not compared, %d not regrouped; want %d stored once, all placed, regrouped and compared",
			s.articles, s.urls, s.unplaced, s.stale, s.unregrouped, n)
	}
	// The survivors stop cleanly on SIGTERM.
	for i, p := range procs {
		if i == killed {
			continue
		}
		p.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- p.cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("worker%d after SIGTERM: %v", i, err)
			}
		case <-time.After(15 * time.Second):
			t.Errorf("worker%d did not stop within 15 s of SIGTERM", i)
		}
	}
	if !strings.Contains(procs[(killed+1)%3].out.String()+procs[(killed+2)%3].out.String(), "worker stopped") {
		t.Error("no surviving worker reported its counts")
	}

	// The stories are those one process finds (B-cubed against a
	// single-process run on SQLite).
	single := filepath.Join(t.TempDir(), "single.db")
	if _, errs, code := run(t, "ingest", "--db", single, "--no-progress", input); code != 0 {
		t.Fatalf("single-process ingest: %s", errs)
	}
	got, want := storiesByURL(t, dsn), storiesByURL(t, single)
	if len(got) != n || len(want) != n {
		t.Fatalf("stories by URL: %d and %d articles, want %d", len(got), len(want), n)
	}
	p, r, f := bcubed(got, want)
	t.Logf("workers vs one process: B-cubed P %.3f R %.3f F1 %.3f", p, r, f)
	if f < 0.99 {
		t.Errorf("workers' stories differ from one process's: B-cubed F1 %.3f (P %.3f, R %.3f), want ≥ 0.99", f, p, r)
	}
}

// storiesByURL maps each article's URL to its story.
func storiesByURL(t testing.TB, db string) map[string]int64 {
	t.Helper()
	st, err := openStore(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := map[string]int64{}
	if err := st.EachArticle(context.Background(), func(r *parallax.Record) error {
		out[r.URL] = r.StoryID
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// One worker, in process, on every kind of job: a page and a text file to
// read, a URL to fetch, an article already read, and inputs that cannot be
// read, which are reported and dropped.
func TestWorkerJobs(t *testing.T) {
	dsn := pgtest.DSN(t)
	natsURL, stream := queuetest.Stream(t)
	w := newWeb(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "blast.html")
	os.WriteFile(page, []byte(fmt.Sprintf(pageTmpl, "Blast at Orrin quarry", "Valley Times", "https://valley-times.example/blast",
		"Blast at Orrin quarry", para("An explosion at the Orrin quarry injured nine workers on Monday, the Orrin Mining Company said.",
			"Site manager Lena Okoro said the blast happened during routine work."))), 0o644)
	note := filepath.Join(dir, "note.txt")
	os.WriteFile(note, []byte("Quarry reopens\nThe Orrin quarry reopened on Friday after inspectors approved new blasting rules, the company said."), 0o644)
	binary := filepath.Join(dir, "image.txt")
	os.WriteFile(binary, []byte("\x00\x01\x02\x03 not text \x00\x00"), 0o644)
	_, errs, code := run(t, "ingest", "--queue", natsURL, "--stream", stream, page, note, binary, w.URL+"/news/quarry-blast-2.html")
	if code != 0 || !strings.Contains(errs, "queued 4 jobs") {
		t.Fatalf("ingest --queue: exit %d: %s", code, errs)
	}
	var stderr bytes.Buffer
	m := NewMain(io.Discard, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	stats := new(WorkerStats)
	done := make(chan error, 1)
	go func() {
		done <- (&WorkerCommand{Main: m, Stats: stats}).Run(ctx, []string{"--db", dsn, "--nats", natsURL, "--stream", stream, "--allow-private", "--jobs", "2"})
	}()
	deadline := time.Now().Add(30 * time.Second)
	// placed and compared: a stop before the comparison leaves it to the
	// next run (see TestSignalStopsRegroup)
	for time.Now().Before(deadline) && (stats.Jobs.Load() < 4 || stats.Compared.Load() < 3) {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("worker: %v", err)
	}
	if stats.Jobs.Load() != 4 || stats.Added.Load() != 3 || stats.Failed.Load() != 1 || stats.Placed.Load() != 3 {
		t.Errorf("worker did %d jobs, %d new, %d failed, %d placed; want 4, 3, 1, 3\n%s",
			stats.Jobs.Load(), stats.Added.Load(), stats.Failed.Load(), stats.Placed.Load(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "image.txt") || !strings.Contains(stderr.String(), "binary") {
		t.Errorf("the unreadable input is not reported by name:\n%s", stderr.String())
	}
	out := mustRun(t, "stories", "--db", dsn)
	if !strings.Contains(out, "Orrin") {
		t.Errorf("stories after the worker:\n%s", out)
	}
	if out := mustRun(t, "search", "--db", dsn, "inspectors"); !strings.Contains(out, "reopened") {
		t.Errorf("search inspectors:\n%s", out)
	}
	// A worker needs a library other processes can share.
	if _, errs, code := run(t, "worker", "--db", filepath.Join(dir, "lib.db"), "--nats", natsURL, "--stream", stream); code == 0 || !strings.Contains(errs, "postgres://") {
		t.Errorf("worker on SQLite: exit %d: %s", code, errs)
	}
}
