package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/postgres"
	"github.com/parallaxnews/parallax/internal/queue"
	"github.com/parallaxnews/parallax/internal/read"
)

// WorkerCommand takes jobs from the NATS JetStream work queue and adds what
// they bring to a library on PostgreSQL; any number of workers on any
// machines share the work. Each worker reads, fetches, analyses and stores;
// the one holding the library's placement lock also places the new articles
// in stories, in the order they were stored, and recompares each story it
// touched once per batch. When that worker stops, another takes the lock.
//
// A job is acknowledged only after its articles are committed: a worker
// killed mid-job loses nothing (the job is handed out again), and a job
// done twice adds nothing (the library knows an article by URL and by
// content hash).
type WorkerCommand struct {
	Main *Main
	// Stats, when set, hears the worker's counts as they change (tests).
	Stats *WorkerStats
}

// WorkerStats counts what a worker did.
type WorkerStats struct {
	Jobs, Added, Existing, Failed, Placed atomic.Int64
	// Compared is how many of the Placed articles had their stories
	// compared when the last comparison ended.
	Compared atomic.Int64
}

// placeBatch is how many stored articles the placing worker places before
// it looks at the time; stories it touched are compared when no article
// waits, or every flushEvery.
const placeBatch = 256

func (c *WorkerCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax worker", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := dbFlag(fs)
	natsURL := fs.String("nats", "nats://127.0.0.1:4222", "the NATS JetStream server the jobs come from")
	stream := fs.String("stream", "parallax", "the stream's name")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "jobs worked on at once")
	allowPrivate := fs.Bool("allow-private", false, "allow fetching from private, loopback and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch pages even where robots.txt disallows it")
	maxSize := fs.Int64("max-size", 10<<20, "largest page fetched, in bytes")
	ackWait := fs.Duration("ack-wait", time.Minute, "how long a job a worker took waits, should the worker die, before another worker gets it (the same for every worker)")
	compareEvery := fs.Duration("compare-every", flushEvery, "longest time between two comparisons of the stories that gained articles while articles keep coming")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, `Usage: parallax worker --db postgres://… [--nats nats://127.0.0.1:4222] [flags]

Takes the jobs "ingest --queue" and "watch --queue" publish and adds them to
the library. Start as many as you like, on any machines. SIGINT or SIGTERM
stops a worker; the jobs it held go to the others.

Flags:`)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
	}
	if fs.NArg() != 0 {
		fmt.Fprintf(m.Stderr, "parallax worker: unexpected argument %q\n", fs.Arg(0))
		return errSilent{2}
	}
	if *ackWait < time.Second {
		return parallax.Errorf(parallax.EINVALID, "worker: --ack-wait %s: want at least 1s", *ackWait)
	}
	if *jobs < 1 {
		return parallax.Errorf(parallax.EINVALID, "worker: --jobs %d: want at least 1", *jobs)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, ok := st.(*postgres.DB); !ok {
		return parallax.Errorf(parallax.EINVALID, "worker: the library %s cannot be shared by several processes: give --db a postgres:// URL", libraryName(*db))
	}
	q, err := queue.Open(ctx, *natsURL, queue.Options{Stream: *stream, AckWait: *ackWait})
	if err != nil {
		return err
	}
	defer q.Close()
	stats := c.Stats
	if stats == nil {
		stats = new(WorkerStats)
	}
	w := &worker{m: m, log: m.Logger, store: ingest.NewStorer(st), q: q, stats: stats,
		fetch: fetch.New(fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots, MaxBytes: *maxSize}),
		opt:   read.Options{MaxFileSize: *maxSize}, ackWait: *ackWait}
	fmt.Fprintf(m.Stderr, "parallax: worker on %s, jobs from %s (stream %s); Ctrl-C stops\n", libraryName(*db), q.Name(), *stream)

	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		placer(ctx, st, q, m.Logger, stats, *compareEvery, 2**ackWait+10*time.Second)
	}()
	for i := 0; i < *jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.loop(ctx)
		}()
	}
	wg.Wait()
	fmt.Fprintf(m.Stderr, "parallax: worker stopped: %d jobs, %d new articles, %d already stored, %d failed, %d placed\n",
		stats.Jobs.Load(), stats.Added.Load(), stats.Existing.Load(), stats.Failed.Load(), stats.Placed.Load())
	return nil
}

type worker struct {
	m     *Main
	log   *slog.Logger
	store *ingest.Storer
	q     *queue.Queue
	fetch *fetch.Client
	opt   read.Options
	stats *WorkerStats
	// ackWait is the queue's: a job in hand is reported three times in it.
	ackWait time.Duration
}

// loop takes jobs until ctx ends.
func (w *worker) loop(ctx context.Context) {
	for ctx.Err() == nil {
		jobs, bad, err := w.q.Fetch(ctx, 1, 2*time.Second)
		for _, e := range bad {
			w.log.Warn("queue", "err", e)
		}
		if err != nil {
			if ctx.Err() == nil {
				w.log.Error("queue", "err", err)
				sleepCtx(ctx, 2*time.Second)
			}
			continue
		}
		for _, d := range jobs {
			w.do(ctx, d)
		}
	}
}

// do works one job and acknowledges it once its articles are committed, or
// hands it back when something that may pass (the database, the network)
// went wrong. An input that cannot be read is dropped, with its reason.
func (w *worker) do(ctx context.Context, d *queue.Delivery) {
	// Tell the server the job is in hand while a long fetch goes on.
	done := make(chan struct{})
	defer close(done)
	go func() {
		t := time.NewTicker(w.ackWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				d.Working()
			}
		}
	}()
	arts, errs := w.read(ctx, d.Job)
	retry := false
	for _, err := range errs {
		if lasting(err) {
			w.stats.Failed.Add(1)
			fmt.Fprintln(w.m.Stderr, "parallax:", parallax.ErrorMessage(err))
		} else {
			retry = true
			w.log.Warn("job failed, will retry", "source", d.Job.Source, "attempt", d.Attempt, "err", err)
		}
	}
	// What was read is stored even when the worker is asked to stop: it
	// takes milliseconds, and the job is then done.
	sctx := context.WithoutCancel(ctx)
	for _, a := range arts {
		res, _, err := w.store.StoreQueued(sctx, a, d.Job.FeedID, int64(d.Seq))
		switch {
		case err != nil && lasting(err):
			w.stats.Failed.Add(1)
			fmt.Fprintln(w.m.Stderr, "parallax:", parallax.ErrorMessage(err))
		case err != nil:
			retry = true
			w.log.Warn("store failed, will retry", "source", a.Source, "attempt", d.Attempt, "err", err)
		case res.New:
			w.stats.Added.Add(1)
		default:
			w.stats.Existing.Add(1)
		}
	}
	if retry || (ctx.Err() != nil && d.Job.Kind == queue.KindURL && len(arts) == 0) {
		if d.Attempt >= w.q.MaxDeliver() && ctx.Err() == nil {
			// Given up: off the queue, so that it holds up nothing.
			w.stats.Failed.Add(1)
			fmt.Fprintf(w.m.Stderr, "parallax: %s: giving up after %d attempts\n", d.Job.Source, d.Attempt)
			d.Drop()
			return
		}
		d.Retry(time.Duration(min(d.Attempt, 6)) * 5 * time.Second)
		return
	}
	if err := d.Done(sctx); err != nil {
		// The articles are stored; the job may come back, and will add nothing.
		w.log.Warn("acknowledge", "source", d.Job.Source, "err", err)
	}
	w.stats.Jobs.Add(1)
}

// read turns a job into articles: reads its input, fetches its URL, or
// unwraps its article.
func (w *worker) read(ctx context.Context, j *queue.Job) ([]*parallax.Article, []error) {
	switch j.Kind {
	case queue.KindArticle:
		if j.Article == nil {
			return nil, []error{parallax.Errorf(parallax.EINVALID, "%s: an article job without its article", j.Source)}
		}
		return []*parallax.Article{j.Article.Parallax()}, nil
	case queue.KindURL:
		return ingest.FetchURL(ctx, w.fetch, j.URL, w.opt)
	case queue.KindInput:
		var pageURL *url.URL
		if u, err := url.Parse(j.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
			pageURL = u
		}
		var arts []*parallax.Article
		var errs []error
		collect := func(a *parallax.Article, err error) error {
			if err != nil {
				errs = append(errs, err)
			} else {
				if a.Source == "" {
					a.Source = j.Source
				}
				arts = append(arts, a)
			}
			return nil
		}
		if strings.Contains(j.Type, "html") {
			collect(read.HTML(j.Source, j.Body, pageURL))
		} else if err := read.Data(ctx, j.Source, j.Body, pageURL, w.opt, collect); err != nil {
			errs = append(errs, err)
		}
		for _, a := range arts {
			if a.URL == "" && pageURL != nil {
				a.URL = j.URL
			}
			if a.Outlet == "" && a.URL != "" {
				a.Outlet = read.OutletFromURL(a.URL)
			}
		}
		return arts, errs
	}
	return nil, []error{parallax.Errorf(parallax.EINVALID, "%s: unknown job kind %q", j.Source, j.Kind)}
}

// lasting reports whether err will come again however often the job is
// tried: the input itself is at fault.
func lasting(err error) bool {
	switch parallax.ErrorCode(err) {
	case parallax.EINVALID, parallax.ENOTFOUND, parallax.ETOOLARGE:
		return true
	}
	return false
}

// placer waits for the library's placement lock and, once it holds it,
// places the articles every worker stores, comparing the stories that
// gained articles once per batch. It gives the lock back when ctx ends.
//
// Articles are placed in the order their jobs were queued, as one process
// would place them (placing depends on what came before): an article waits
// until every job queued before its own is finished, or, should one of
// those be stuck, until stall has passed.
func placer(ctx context.Context, st parallax.Store, q *queue.Queue, log *slog.Logger, stats *WorkerStats, compareEvery, stall time.Duration) {
	for ctx.Err() == nil {
		ing, err := ingest.New(ctx, st, ingest.Options{WaitForLock: true, DeferUnplaced: true, Logger: log})
		if err != nil {
			if ctx.Err() == nil {
				log.Error("placing", "err", err)
				sleepCtx(ctx, 5*time.Second)
			}
			continue
		}
		log.Info("this worker places articles in stories")
		err = place(ctx, ing, q, stats, compareEvery, stall)
		// Stopping, the placer saves its placements and no more: the
		// stories it did not compare yet are found out of date by the next
		// (Store.StaleStories), and the articles it did not regroup are
		// kept in the index for its next regrouping. A comparison here
		// would hold up a SIGTERM for as long as it takes.
		ing.Close()
		if err != nil && ctx.Err() == nil {
			log.Error("placing", "err", err)
			sleepCtx(ctx, 5*time.Second)
		}
	}
}

func place(ctx context.Context, ing *ingest.Ingester, q *queue.Queue, stats *WorkerStats, compareEvery, stall time.Duration) error {
	compared := time.Now()
	var head int64 // the queue place the first unplaced article waits at
	var since time.Time
	for ctx.Err() == nil {
		finished, err := q.Finished(ctx)
		if err != nil {
			return err
		}
		ready := func(r *parallax.Record) bool {
			if r.QueueSeq == 0 || uint64(r.QueueSeq) <= finished+1 {
				return true
			}
			if r.QueueSeq != head {
				head, since = r.QueueSeq, time.Now()
			}
			return time.Since(since) > stall
		}
		n, err := ing.PlacePending(ctx, placeBatch, ready)
		stats.Placed.Add(int64(n))
		if err != nil {
			return err
		}
		// Regroup and compare when the queue is empty; while jobs keep
		// coming, compare every compareEvery (each story once for all it
		// gained meanwhile) without regrouping. Regrouping depends on
		// which articles it sees together: done only when none waits, it
		// sees what one process ingesting the same inputs sees at its end,
		// however the jobs were timed.
		unregrouped, err := ing.Unregrouped(ctx)
		if err != nil {
			return err
		}
		idle := false
		if n == 0 && (ing.Dirty() > 0 || unregrouped > 0) {
			pending, err := q.Pending(ctx)
			if err != nil {
				return err
			}
			idle = pending == 0
		}
		switch {
		case idle:
			// A stop ends it between two steps, each saved whole (see
			// ingest.Ingester.Flush).
			if err := ing.Flush(ctx); err != nil {
				return err
			}
			compared = time.Now()
			stats.Compared.Store(stats.Placed.Load())
		case ing.Dirty() > 0 && time.Since(compared) >= compareEvery:
			if err := ing.FlushPlaced(ctx); err != nil {
				return err
			}
			compared = time.Now()
			stats.Compared.Store(stats.Placed.Load())
		}
		if n == 0 {
			sleepCtx(ctx, 100*time.Millisecond)
		}
	}
	return nil
}
