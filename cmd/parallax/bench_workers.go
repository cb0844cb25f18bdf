package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/queue"
	"github.com/parallaxnews/parallax/internal/read"
	"github.com/parallaxnews/parallax/internal/synth"
)

// benchWorkers measures distributed ingest: the same generated pages (a
// WARC of n synthetic articles) ingested by one process into SQLite, then
// queued on NATS and ingested by 1, 2, 3 … worker processes (this binary)
// into PostgreSQL, each run on a new schema and a new stream. It prints the
// throughput and how the workers' stories compare with the single process's
// (B-cubed), and fails when an article is missing or stored twice.
func (c *BenchCommand) workers(ctx context.Context, counts []int, n int, seed int64, pgURL, natsURL string, jobs int) error {
	m := c.Main
	if pgURL == "" || natsURL == "" {
		return parallax.Errorf(parallax.EINVALID, "bench -workers: give -pg postgres://… and -nats nats://…")
	}
	bin, err := os.Executable()
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	arts := synth.Corpus(synth.Options{Articles: n, Seed: seed, Start: time.Now().Add(-time.Duration(n/5+8) * 3 * time.Hour)})
	warc := filepath.Join(dir, "pages.warc.gz")
	if err := writeBenchWARC(warc, arts); err != nil {
		return err
	}
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(m.Stdout, "corpus: %d synthetic articles as HTML pages in a WARC; each worker works on %d jobs at once (--jobs)\n\n", n, jobs)
	fmt.Fprintln(w, "run\tarticles stored\tstories\tseconds\tpages/s\tB-cubed F1 vs one process\t")

	// One process, as `parallax ingest pages.warc.gz` on SQLite.
	single := filepath.Join(dir, "single.db")
	st, err := openStore(ctx, single)
	if err != nil {
		return err
	}
	ing, err := ingest.New(ctx, st, ingest.Options{})
	if err != nil {
		return err
	}
	start := time.Now()
	f, err := os.Open(warc)
	if err != nil {
		return err
	}
	err = read.WARCArticles(ctx, warc, f, read.Options{}, func(a *parallax.Article, err error) error {
		if err != nil {
			return err
		}
		_, err = ing.Add(ctx, a, 0)
		return err
	})
	f.Close()
	if err == nil {
		err = ing.Flush(ctx)
	}
	d := time.Since(start)
	ing.Close()
	st.Close()
	if err != nil {
		return err
	}
	want := storiesOf(ctx, single)
	fmt.Fprintf(w, "1 process, SQLite\t%d\t%d\t%.1f\t%.0f\t%s\t\n", len(want.byURL), want.stories, d.Seconds(), float64(n)/d.Seconds(), "(reference)")
	w.Flush()

	for _, k := range counts {
		dsn, drop, err := benchSchema(ctx, pgURL)
		if err != nil {
			return err
		}
		stream := "parallax_bench_" + randomHex(4)
		row, err := c.workerRun(ctx, bin, warc, dsn, natsURL, stream, k, jobs, n)
		if q, qerr := queue.Open(ctx, natsURL, queue.Options{Stream: stream, Publish: true}); qerr == nil {
			q.DeleteStream(ctx)
			q.Close()
		}
		if err != nil {
			drop()
			return err
		}
		got := storiesOf(ctx, dsn)
		drop()
		_, _, f1 := bcubed(got.byURL, want.byURL)
		fmt.Fprintf(w, "%d worker%s, PostgreSQL + NATS\t%d\t%d\t%.1f\t%.0f\t%.4f\t\n", k, map[bool]string{true: "s"}[k > 1],
			len(got.byURL), got.stories, row.Seconds(), float64(n)/row.Seconds(), f1)
		w.Flush()
		if len(got.byURL) != n || got.articles != n {
			return fmt.Errorf("bench: %d workers stored %d articles (%d URLs), want %d", k, got.articles, len(got.byURL), n)
		}
	}
	return nil
}

// workerRun queues the WARC's pages, starts k workers and returns the time
// from their start until every page is stored, placed and compared.
func (c *BenchCommand) workerRun(ctx context.Context, bin, warc, dsn, natsURL, stream string, k, jobs, n int) (time.Duration, error) {
	// The schema first, so that the workers find it.
	st, err := openStore(ctx, dsn)
	if err != nil {
		return 0, err
	}
	st.Close()
	q, err := queue.Open(ctx, natsURL, queue.Options{Stream: stream, Publish: true})
	if err != nil {
		return 0, err
	}
	p := &publisher{m: c.Main, q: q}
	p.input(ctx, warc)
	q.Close()
	if p.failed > 0 || p.sent != n {
		return 0, fmt.Errorf("bench: queued %d pages of %d, %d failed", p.sent, n, p.failed)
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer conn.Close(context.Background())
	var procs []*exec.Cmd
	stop := func() {
		for _, cmd := range procs {
			cmd.Process.Signal(syscall.SIGTERM)
		}
		for _, cmd := range procs {
			cmd.Wait()
		}
	}
	start := time.Now()
	for i := 0; i < k; i++ {
		cmd := exec.Command(bin, "worker", "--db", dsn, "--nats", natsURL, "--stream", stream, "--jobs", strconv.Itoa(jobs))
		cmd.Stderr = io.Discard // the table says how it went
		// PARALLAX_WORKER_CPUPROFILE=file profiles each worker to file.<i>.
		if prof := os.Getenv("PARALLAX_WORKER_CPUPROFILE"); prof != "" {
			cmd.Env = append(os.Environ(), fmt.Sprintf("PARALLAX_CPUPROFILE=%s.%d", prof, i))
		}
		if err := cmd.Start(); err != nil {
			stop()
			return 0, err
		}
		procs = append(procs, cmd)
	}
	defer stop()
	var allStored, allPlaced time.Duration
	defer func() {
		fmt.Fprintf(c.Main.Stderr, "bench: %d workers: all stored after %.1f s, all placed after %.1f s\n", k, allStored.Seconds(), allPlaced.Seconds())
	}()
	for {
		var stored, unplaced, stale int
		err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE story_id IS NULL),
			(SELECT count(*) FROM stories s WHERE s.articles != (SELECT count(*) FROM articles a WHERE a.story_id = s.id))`).Scan(&stored, &unplaced, &stale)
		if err != nil {
			return 0, err
		}
		if stored >= n && allStored == 0 {
			allStored = time.Since(start)
		}
		if stored >= n && unplaced == 0 && allPlaced == 0 {
			allPlaced = time.Since(start)
		}
		if stored >= n && unplaced == 0 && stale == 0 {
			return time.Since(start), nil
		}
		if err := sleepCtx(ctx, 100*time.Millisecond); err != nil {
			return 0, err
		}
	}
}

type benchStories struct {
	byURL    map[string]int64
	stories  int
	articles int
}

func storiesOf(ctx context.Context, db string) benchStories {
	out := benchStories{byURL: map[string]int64{}}
	st, err := openStore(ctx, db)
	if err != nil {
		return out
	}
	defer st.Close()
	seen := map[int64]bool{}
	st.EachArticle(ctx, func(r *parallax.Record) error {
		out.articles++
		out.byURL[r.URL] = r.StoryID
		seen[r.StoryID] = true
		return nil
	})
	out.stories = len(seen)
	return out
}

// benchSchema makes a new schema in the database pgURL names and returns a
// URL for it and a function that drops it.
func benchSchema(ctx context.Context, pgURL string) (string, func(), error) {
	conn, err := pgx.Connect(ctx, pgURL)
	if err != nil {
		return "", nil, fmt.Errorf("bench: %v", err)
	}
	defer conn.Close(ctx)
	schema := "parallax_bench_" + randomHex(6)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		return "", nil, fmt.Errorf("bench: %v", err)
	}
	u, err := url.Parse(pgURL)
	if err != nil {
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	drop := func() {
		ctx := context.Background()
		if conn, err := pgx.Connect(ctx, pgURL); err == nil {
			conn.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
			conn.Close(ctx)
		}
	}
	return u.String(), drop, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// parseCounts reads "1,2,3".
func parseCounts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		k, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || k < 1 {
			return nil, parallax.Errorf(parallax.EINVALID, "bench: -workers %q: want counts such as 1,2,3", s)
		}
		out = append(out, k)
	}
	return out, nil
}
