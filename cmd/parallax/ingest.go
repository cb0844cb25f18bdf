package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/queue"
	"github.com/parallaxnews/parallax/internal/read"
)

// IngestCommand adds coverage to the library: files, directories, pages,
// feeds, WARC archives, JSON Lines. Each article is stored once, linked to
// what it copies, placed in a story; the stories it touched are compared
// again at the end (and every few hundred articles on long runs).
type IngestCommand struct{ Main *Main }

// flushEvery is how long a run goes between recomputing the stories it
// touched, so that a long run keeps comparisons current without comparing a
// growing story again for every article it gains.
const flushEvery = time.Minute

func (c *IngestCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "ingest", `Usage: parallax ingest [flags] INPUT...

Adds coverage to the library: each article is stored once, linked to what
it copies, placed in a story; the stories it touched are compared again.

INPUT: files, directories, JSON Lines, WARC (.warc, .warc.gz), RSS/Atom/JSON
Feed files, or http(s) URLs of pages and feeds.`)
	db := dbFlag(fs)
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	noProgress := fs.Bool("no-progress", false, "log lines instead of a progress bar")
	maxSize := fs.Int64("max-size", 10<<20, "largest single-article file or page, in bytes")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch pages even where robots.txt disallows it")
	queueURL := fs.String("queue", "", "publish the inputs to this NATS JetStream server (nats://host:4222) for `parallax worker` instead of ingesting them")
	stream := fs.String("stream", "parallax", "with --queue: the stream's name")
	outlet := fs.String("outlet", "", "the outlet of the text and HTML files given (they name none, or the wrong one)")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(m, fs, "no INPUT given (hint: parallax ingest examples/)")
	}
	if *queueURL != "" {
		return c.publish(ctx, *queueURL, *stream, read.Options{MaxFileSize: *maxSize}, fs.Args())
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := ingest.New(ctx, st, ingest.Options{Logger: m.Logger})
	if err != nil {
		return err
	}
	defer ing.Close()
	fc := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, MaxBytes: *maxSize, IgnoreRobots: *ignoreRobots})
	p := newProgress(m.Stderr, *noProgress, inputBytes(fs.Args()))
	run := &ingestRun{m: m, ing: ing, fetch: fc, progress: p, opt: read.Options{MaxFileSize: *maxSize, Outlet: *outlet}, flushed: time.Now()}
	for _, in := range fs.Args() {
		if ctx.Err() != nil {
			break
		}
		path, err := checkInput(in, true)
		if err != nil {
			run.fail(err)
			continue
		}
		run.input(ctx, path)
	}
	p.finish()
	if ctx.Err() != nil {
		return run.interrupted(ctx)
	}
	if err := ing.Flush(ctx); err != nil {
		if ctx.Err() != nil {
			// Stopped while grouping the run's articles again or comparing
			// its stories: each step is saved whole or not at all.
			return run.interrupted(ctx)
		}
		return err
	}
	fmt.Fprintf(m.Stderr, "ingested %s (%s already in the library, %s), %s updated, %s failed\n",
		plural(run.added, "new article", "new articles"), plural(run.existing, "article", "articles"),
		plural(run.dups, "copy linked", "copies linked"), plural(run.stories, "story", "stories"), plural(run.failed, "input", "inputs"))
	if !ing.Placing() && run.added > 0 {
		fmt.Fprintln(m.Stderr, lockHeldNote)
	}
	if run.failed > 0 {
		return errSilent{1}
	}
	return nil
}

// publish queues the inputs for workers.
func (c *IngestCommand) publish(ctx context.Context, queueURL, stream string, opt read.Options, inputs []string) error {
	m := c.Main
	q, err := queue.Open(ctx, queueURL, queue.Options{Stream: stream, Publish: true})
	if err != nil {
		return err
	}
	defer q.Close()
	p := &publisher{m: m, q: q, opt: opt}
	for _, in := range inputs {
		if ctx.Err() != nil {
			break
		}
		p.input(ctx, in)
	}
	fmt.Fprintf(m.Stderr, "queued %s on %s for the workers, %s failed\n", plural(p.sent, "job", "jobs"), q.Name(), plural(p.failed, "input", "inputs"))
	if ctx.Err() != nil {
		fmt.Fprintln(m.Stderr, "interrupted: the jobs queued so far stay queued")
		return errSilent{130}
	}
	if p.failed > 0 {
		return errSilent{1}
	}
	return nil
}

type ingestRun struct {
	m        *Main
	ing      *ingest.Ingester
	fetch    *fetch.Client
	progress *progress
	opt      read.Options

	added, existing, dups, failed, stories int
	touched                                map[int64]bool
	flushed                                time.Time
}

func isURL(s string) bool { return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") }

// input ingests one input: a URL (a page or a feed) or a path.
func (r *ingestRun) input(ctx context.Context, in string) {
	if isURL(in) {
		arts, errs := ingest.FetchURL(ctx, r.fetch, in, r.opt)
		for _, e := range errs {
			r.fail(e)
		}
		for _, a := range arts {
			r.add(ctx, a, 0)
		}
		return
	}
	err := read.Walk(ctx, []string{in}, r.opt, func(a *parallax.Article, err error) error {
		if err != nil {
			r.fail(err)
			return nil
		}
		r.add(ctx, a, 0)
		return ctx.Err()
	})
	if err != nil && ctx.Err() == nil {
		r.fail(err)
	}
}

func (r *ingestRun) add(ctx context.Context, a *parallax.Article, feedID int64) {
	if ctx.Err() != nil {
		return
	}
	res, err := r.ing.Add(ctx, a, feedID)
	if err != nil {
		if ctx.Err() == nil { // an interrupt is not the input's fault
			r.fail(err)
		}
		return
	}
	switch {
	case !res.New:
		r.existing++
	default:
		r.added++
		if res.DuplicateOf != 0 {
			r.dups++
		}
		if r.touched == nil {
			r.touched = map[int64]bool{}
		}
		if !r.touched[res.StoryID] {
			r.touched[res.StoryID] = true
			r.stories++
		}
		if time.Since(r.flushed) >= flushEvery {
			// The run's articles are grouped again at its end, all at once.
			if err := r.ing.FlushPlaced(ctx); err != nil && ctx.Err() == nil {
				r.fail(err)
			}
			r.flushed = time.Now()
		}
	}
	r.progress.tick(a.Source, len(a.Received))
}

// interruptFlush is how long an interrupted run spends comparing again the
// stories it touched, within the second the program has to stop.
const interruptFlush = 300 * time.Millisecond

// interrupted ends a run stopped by a signal (while it added articles, or
// while it grouped them again or compared its stories at its end: each of
// those steps is saved whole or not at all): every article it committed
// is whole and placed (or, when a worker holds the placement lock, stored
// for it to place). The stories it touched are compared again for as long
// as interruptFlush allows (each story's report is saved whole, and a
// story still being compared when the program stops keeps its previous
// report); the others are found out of date (Store.StaleStories) and
// compared by the next ingest or watch.
func (r *ingestRun) interrupted(ctx context.Context) error {
	left := r.ing.Dirty()
	if r.ing.Placing() {
		fmt.Fprintf(r.m.Stderr, "interrupted: %s kept, each whole and in its story; comparing %s again\n",
			plural(r.added, "new article", "new articles"), plural(left, "story", "stories"))
	} else {
		fmt.Fprintf(r.m.Stderr, "interrupted: %s kept, each whole\n", plural(r.added, "new article", "new articles"))
		if r.added > 0 {
			fmt.Fprintln(r.m.Stderr, lockHeldNote)
		}
	}
	if n, err := r.ing.Unregrouped(context.WithoutCancel(ctx)); err == nil && n > 0 {
		fmt.Fprintf(r.m.Stderr, "%s placed but not grouped again yet: the next ingest or watch groups them again\n", plural(n, "article", "articles"))
	}
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptFlush)
	defer cancel()
	// Not grouped again: the articles placed wait in the index for the
	// next run's end.
	if err := r.ing.FlushPlaced(fctx); err != nil && fctx.Err() == nil {
		r.fail(err)
	}
	if n := r.ing.Dirty(); n > 0 {
		fmt.Fprintf(r.m.Stderr, "%d of %s not compared again yet: the next ingest or watch compares them\n", n, plural(left, "story", "stories"))
	}
	return errSilent{130}
}

// lockHeldNote says why an ingest placed none of the articles it stored.
const lockHeldNote = "another process (a parallax worker) holds the library's placement lock: it places the new articles in stories"

func (r *ingestRun) fail(err error) {
	r.failed++
	r.progress.clear()
	fmt.Fprintln(r.m.Stderr, "parallax:", parallax.ErrorMessage(err))
}

// progress is a bar with count, rate and elapsed time on a terminal, and a
// log line every few seconds otherwise.
type progress struct {
	bar   *progressbar.ProgressBar
	w     io.Writer
	n     int
	total int64
	start time.Time
	last  time.Time
}

// newProgress shows progress on w. With the inputs' total size known the
// bar advances by the bytes each article took and can estimate the time
// left; otherwise it counts articles.
func newProgress(w io.Writer, plain bool, totalBytes int64) *progress {
	p := &progress{w: w, start: time.Now(), last: time.Now(), total: totalBytes}
	if f, ok := w.(*os.File); ok && !plain && isTerminal(f) {
		opts := []progressbar.Option{progressbar.OptionSetWriter(w), progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionThrottle(100 * time.Millisecond), progressbar.OptionClearOnFinish(), progressbar.OptionSetWidth(30)}
		if totalBytes > 0 {
			opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionSetPredictTime(true))
			p.bar = progressbar.NewOptions64(totalBytes, opts...)
		} else {
			opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"))
			p.bar = progressbar.NewOptions64(-1, opts...)
		}
	}
	return p
}

func (p *progress) tick(source string, size int) {
	p.n++
	if p.bar != nil {
		if p.total > 0 {
			p.bar.Describe(fmt.Sprintf("ingesting · %d articles · %.0f/s", p.n, float64(p.n)/time.Since(p.start).Seconds()))
			_ = p.bar.Add(size)
		} else {
			_ = p.bar.Add(1)
		}
		return
	}
	if time.Since(p.last) >= 5*time.Second {
		p.last = time.Now()
		rate := float64(p.n) / time.Since(p.start).Seconds()
		fmt.Fprintf(p.w, "ingest: %d articles, %.0f/s, last %s\n", p.n, rate, source)
	}
}

func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inputBytes is the total size of the path inputs, or 0 when any input is a
// URL (its size is not known before it is fetched).
func inputBytes(inputs []string) int64 {
	var total int64
	for _, in := range inputs {
		if isURL(in) {
			return 0
		}
		_ = filepath.WalkDir(in, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}
