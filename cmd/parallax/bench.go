package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/read"
	"github.com/parallaxnews/parallax/internal/synth"
)

// BenchCommand generates a fictional corpus and measures each stage's
// throughput, per core: speed goals live here, not in unit tests.
type BenchCommand struct {
	Main *Main
}

func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "bench", `Usage: parallax bench [flags]

Generates a fictional corpus and times each stage (analysis, grouping,
the library, the web server), per core.`)
	n := fs.Int("n", 10000, "number of synthetic articles")
	seed := fs.Int64("seed", 1, "random seed for the corpus")
	warcPages := fs.Int("warc", 0, "also ingest a generated WARC of this many pages into a new library and time it (e.g. 10000)")
	library := fs.Int("library", 0, "also grow a library to this many articles and time placing one at 10k and at the end (e.g. 100000)")
	serve := fs.Int("serve", 0, "load-test the web server on loopback over a library of this many articles (e.g. 10000)")
	requests := fs.Int("requests", 2000, "with -serve: requests per endpoint")
	pageN := fs.String("page", "", "read one generated HTML page of this size, of one-line paragraphs, and analyse it (e.g. 10MB)")
	workers := fs.String("workers", "", "measure distributed ingest of -n pages with this many worker processes, e.g. 1,2,3 (needs -pg and -nats)")
	pgURL := fs.String("pg", os.Getenv("PARALLAX_TEST_POSTGRES"), "with -workers: a PostgreSQL database to make scratch schemas in")
	natsURL := fs.String("nats", "nats://127.0.0.1:4222", "with -workers: the NATS JetStream server")
	jobs := fs.Int("jobs", 1, "with -workers: jobs each worker works on at once")
	indexN := fs.String("index", "", "time starting ingest over libraries of these sizes, all within the index's window, and placing an article just after (e.g. 1k,10k,100k)")
	indexKeep := fs.String("index-keep", "", "with -index: keep each library, once stored, built and compared, in this folder, and start from the copy kept there when there is one (the rebuild and build columns are then 0)")
	indexProfile := fs.String("index-profile", "", "with -index: write CPU profiles of placing the articles after each start to this file name with .1 and .2 appended (the first 1000 and the next; the last size's)")
	groupN := fs.String("group", "", "group synthetic corpora of these sizes in one batch and report time, cores and peak memory (e.g. 100k,1M)")
	stressTest := fs.Bool("stress", false, "run the conflict stress test on the dev stories instead (see -corpus, -stories, -trials, -kinds, -dump, -log)")
	so := stressOptions{}
	fs.StringVar(&so.corpus, "corpus", filepath.Join("..", "shared", "corpus", "dev"), "with -stress: folder of coverage.jsonl, ecbplus.jsonl and their .gold.json")
	fs.IntVar(&so.stories, "stories", 0, "with -stress: first N stories only (0: all)")
	fs.IntVar(&so.trials, "trials", 5, "with -stress: injections per kind and story")
	fs.StringVar(&so.dump, "dump", "", "with -stress: write every conflict raised on the unperturbed stories to this JSON Lines file")
	fs.StringVar(&so.log, "log", "", "with -stress: write every injection and its outcome to this JSON Lines file")
	fs.StringVar(&so.kinds, "kinds", "", "with -stress: inject only these kinds, comma-separated (e.g. number,date; default all)")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if *pageN != "" {
		size, err := pageSize(*pageN)
		if err != nil {
			fmt.Fprintln(m.Stderr, "parallax bench:", err)
			return errSilent{2}
		}
		return c.page(ctx, size)
	}
	if *indexN != "" {
		sizes, err := groupSizes(*indexN)
		if err != nil {
			fmt.Fprintln(m.Stderr, "parallax bench:", err)
			return errSilent{2}
		}
		return c.indexScale(ctx, sizes, *seed, *indexKeep, *indexProfile)
	}
	if *groupN != "" {
		sizes, err := groupSizes(*groupN)
		if err != nil {
			fmt.Fprintln(m.Stderr, "parallax bench:", err)
			return errSilent{2}
		}
		return c.groupScale(ctx, sizes, *seed)
	}
	if *stressTest {
		so.seed = uint64(*seed)
		return c.stress(ctx, so)
	}
	if *workers != "" {
		counts, err := parseCounts(*workers)
		if err != nil {
			return err
		}
		return c.workers(ctx, counts, *n, *seed, *pgURL, *natsURL, *jobs)
	}
	if *serve > 0 {
		return c.serve(ctx, *serve, *seed, *requests)
	}
	if *warcPages > 0 || *library > 0 {
		return c.library(ctx, *warcPages, *library, *seed)
	}
	if *n < 10 {
		fmt.Fprintln(m.Stderr, "parallax bench: -n must be at least 10")
		return errSilent{2}
	}
	arts := synth.Corpus(synth.Options{Articles: *n, Seed: *seed})
	bytes := 0
	for _, a := range arts {
		bytes += len(a.Text)
	}
	cores := runtime.GOMAXPROCS(0)
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(m.Stdout, "corpus: %d synthetic articles, %.0f bytes each on average, %d cores\n\n", len(arts), float64(bytes)/float64(len(arts)), cores)
	fmt.Fprintln(w, "stage\tcores\tarticles\tseconds\tarticles/s\tarticles/s/core\t")

	an := pipeline.NewAnalyzer()
	// analysis on one core
	start := time.Now()
	as := make([]*parallax.Analysis, len(arts))
	for i, a := range arts {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		as[i] = an.Analyze(a)
	}
	row(w, "analyze", 1, len(arts), time.Since(start))
	// analysis on every core
	start = time.Now()
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for k := 0; k < cores; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				an.Analyze(arts[i])
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	row(w, "analyze", cores, len(arts), time.Since(start))
	// grouping the whole batch
	docs := pipeline.Docs(as)
	start = time.Now()
	res := group.Stories(docs, group.Options{})
	row(w, "group (batch)", cores, len(arts), time.Since(start))
	// placing articles one at a time in an index: the last tenth must
	// cost no more than the first
	ix := group.NewIndex(group.Options{Window: pipeline.DefaultWindow})
	tenth := len(docs) / 10
	var first, last time.Duration
	start = time.Now()
	for i, d := range docs {
		t0 := time.Now()
		ix.Add(d)
		switch {
		case i < tenth:
			first += time.Since(t0)
		case i >= len(docs)-tenth:
			last += time.Since(t0)
		}
	}
	row(w, "index add (all)", 1, len(docs), time.Since(start))
	row(w, "index add (first 10%)", 1, tenth, first)
	row(w, "index add (last 10%)", 1, tenth, last)
	w.Flush()
	fmt.Fprintf(m.Stdout, "\n%d stories found in the batch for %d events written\n", len(res.Clusters), (len(arts)+4)/5)
	return nil
}

func row(w *tabwriter.Writer, stage string, cores, n int, d time.Duration) {
	s := d.Seconds()
	fmt.Fprintf(w, "%s\t%d\t%d\t%.2f\t%.0f\t%.0f\t\n", stage, cores, n, s, float64(n)/s, float64(n)/s/float64(cores))
}

// library measures the library: ingesting a WARC of generated pages, and
// the time to place one article as the library grows.
func (c *BenchCommand) library(ctx context.Context, warcPages, size int, seed int64) error {
	m := c.Main
	dir, err := os.MkdirTemp("", "parallax-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "measure	articles	seconds	rate	")
	if warcPages > 0 {
		path := filepath.Join(dir, "pages.warc.gz")
		if err := writeBenchWARC(path, synth.Corpus(synth.Options{Articles: warcPages, Seed: seed})); err != nil {
			return err
		}
		st, err := openStore(ctx, filepath.Join(dir, "warc.db"))
		if err != nil {
			return err
		}
		ing, err := ingest.New(ctx, st, ingest.Options{})
		if err != nil {
			return err
		}
		start := time.Now()
		n, failed := 0, 0
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		err = read.WARCArticles(ctx, path, f, read.Options{}, func(a *parallax.Article, err error) error {
			if err != nil {
				failed++
				return nil
			}
			if _, err := ing.Add(ctx, a, 0); err != nil {
				return err
			}
			n++
			return nil
		})
		f.Close()
		if err == nil {
			err = ing.Flush(ctx)
		}
		st.Close()
		if err != nil {
			return err
		}
		d := time.Since(start)
		fmt.Fprintf(w, "WARC ingest, 1 core (extract, analyse, store, place, compare)\t%d\t%.1f\t%.0f pages/s\t\n", n, d.Seconds(), float64(n)/d.Seconds())
		if failed > 0 {
			fmt.Fprintf(m.Stderr, "bench: %d pages failed to extract\n", failed)
		}
	}
	if size > 0 {
		st, err := openStore(ctx, filepath.Join(dir, "grow.db"))
		if err != nil {
			return err
		}
		defer st.Close()
		arts := libraryCorpus(size+400, seed)
		ing, err := ingest.New(ctx, st, ingest.Options{})
		if err != nil {
			return err
		}
		measure := func(at int, batch []*parallax.Article) error {
			start := time.Now()
			for _, a := range batch {
				if _, err := ing.Add(ctx, a, 0); err != nil {
					return err
				}
			}
			d := time.Since(start)
			fmt.Fprintf(w, "place one article at %d stored\t%d\t%.2f\t%.2f ms each\t\n", at, len(batch), d.Seconds(), d.Seconds()*1000/float64(len(batch)))
			return nil
		}
		start := time.Now()
		err = growLibrary(ctx, ing, arts[:size], func(i int) error {
			if i == 10000 && size > 10000 {
				return measure(10000, arts[size:size+200])
			}
			return nil
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "grow the library (no comparisons)\t%d\t%.1f\t%.0f articles/s\t\n", size, time.Since(start).Seconds(), float64(size)/time.Since(start).Seconds())
		if err := measure(size, arts[size+200:]); err != nil {
			return err
		}
	}
	return w.Flush()
}

// libraryCorpus is the synthetic coverage a benchmark library grows from:
// n articles spread over the two years before now, so the index of recent
// coverage holds a window's worth, as in a library that has run for a while.
func libraryCorpus(n int, seed int64) []*parallax.Article {
	arts := synth.Corpus(synth.Options{Articles: n, Seed: seed + 1, Start: time.Now().AddDate(-2, 0, 0)})
	span := 2 * 365 * 24 * time.Hour
	for i, a := range arts {
		a.Published = time.Now().Add(-span + time.Duration(float64(span)*float64(i)/float64(len(arts))))
	}
	return arts
}

// growLibrary adds arts one at a time, as ingest does, without comparing
// the stories they touch (ing.Flush does that); before, when not nil, runs
// before the i-th article.
func growLibrary(ctx context.Context, ing *ingest.Ingester, arts []*parallax.Article, before func(i int) error) error {
	for i, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		if before != nil {
			if err := before(i); err != nil {
				return err
			}
		}
		if _, err := ing.Add(ctx, a, 0); err != nil {
			return err
		}
	}
	return nil
}

// writeBenchWARC writes articles as HTML pages in a WARC, one gzip member
// per record, the way crawls such as CC-NEWS are stored.
func writeBenchWARC(path string, arts []*parallax.Article) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	for i, a := range arts {
		var page strings.Builder
		fmt.Fprintf(&page, "<!doctype html><html lang=\"en\"><head><title>%s</title><meta property=\"og:site_name\" content=\"%s\">"+
			"<meta property=\"article:published_time\" content=\"%s\"><link rel=\"canonical\" href=\"%s\"></head><body>"+
			"<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>%s</h1>",
			html.EscapeString(a.Title), a.Outlet, a.Published.Format(time.RFC3339), a.URL, html.EscapeString(a.Title))
		for _, p := range strings.Split(a.Text, "\n")[1:] {
			fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(p))
		}
		page.WriteString("</article><footer>© Example news</footer></body></html>")
		body := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page.String()
		head := fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\n"+
			"WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\nContent-Type: application/http; msgtype=response\r\n"+
			"Content-Length: %d\r\n\r\n", a.URL, a.Published.UTC().Format(time.RFC3339), i, len(body))
		zw := gzip.NewWriter(bw)
		if _, err := zw.Write([]byte(head + body + "\r\n\r\n")); err != nil {
			return err
		}
		if err := zw.Close(); err != nil {
			return err
		}
	}
	return bw.Flush()
}
