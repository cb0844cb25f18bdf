package main

import (
	"context"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/queue"
)

// WatchCommand polls the subscribed feeds on a schedule, with conditional
// GET, per-host politeness and exponential backoff on errors, and ingests
// new items. SIGINT or SIGTERM stops it between two articles: nothing
// ingested is lost.
type WatchCommand struct {
	Main *Main
	// Now and Sleep are the clock, injected so tests need not wait.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

func (c *WatchCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Sleep == nil {
		c.Sleep = sleepCtx
	}
	fs := newFlags(m, "watch", `Usage: parallax watch [flags]

Polls the subscribed feeds (parallax feeds add) on a schedule, with
conditional GET, politeness per host and backoff on errors, and ingests
new items. Ctrl-C stops it between two articles; nothing ingested is lost.
With --notify URL, each change it brings (a story gains an outlet or a
conflict) is posted to URL as JSON: {"events": [{id, story, kind, subject,
summary, title, at}]}, retried with backoff (2 s, 4 s, 8 s, 16 s).`)
	db := dbFlag(fs)
	interval := fs.Duration("interval", 15*time.Minute, "time between two polls of one feed")
	once := fs.Bool("once", false, "poll every feed that is due once, then exit")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds on private, loopback and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch where robots.txt disallows it")
	queueURL := fs.String("queue", "", "publish the new items to this NATS JetStream server (nats://host:4222) for `parallax worker` instead of ingesting them")
	stream := fs.String("stream", "parallax", "with --queue: the stream's name")
	notify := fs.String("notify", "", "POST each new event (a story gained an outlet or a conflict) as JSON to this http(s) URL, with retries")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(m, fs, "unexpected argument %q", fs.Arg(0))
	}
	if *notify != "" && !isURL(*notify) {
		return usageError(m, fs, "--notify %q: want an http(s) URL", *notify)
	}
	if *interval < time.Minute && !*once {
		return parallax.Errorf(parallax.EINVALID, "watch: --interval %s is too short to be polite (at least 1m)", *interval)
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	// Items go to the library, or to the workers' queue.
	var add adder
	flush := func(context.Context) error { return nil }
	if *queueURL != "" {
		q, err := queue.Open(ctx, *queueURL, queue.Options{Stream: *stream, Publish: true})
		if err != nil {
			return err
		}
		defer q.Close()
		add = func(ctx context.Context, a *parallax.Article, feedID int64) (bool, error) {
			return true, q.Publish(ctx, &queue.Job{Kind: queue.KindArticle, Source: a.Source, Article: queue.FromArticle(a), FeedID: feedID})
		}
	} else {
		ing, err := ingest.New(ctx, st, ingest.Options{Logger: m.Logger, Now: c.Now})
		if err != nil {
			return err
		}
		defer ing.Close()
		add = func(ctx context.Context, a *parallax.Article, feedID int64) (bool, error) {
			r, err := ing.Add(ctx, a, feedID)
			return r.New, err
		}
		flush = ing.Flush
	}
	fc := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots})
	var n *notifier
	if *notify != "" {
		n = newNotifier(*notify, c.Sleep, m.Stderr)
		if err := n.start(ctx, st); err != nil {
			return err
		}
	}
	for {
		next, err := c.pollDue(ctx, st, add, fc, *interval, *queueURL != "")
		var ferr error
		if ctx.Err() == nil {
			// A stop during the flush (regrouping, comparing) ends it
			// between two steps, each saved whole.
			ferr = flush(ctx)
		}
		if ctx.Err() != nil {
			// Stopping: compare the touched stories for as long as an
			// interrupted ingest does, then go (the next run compares the
			// rest: Store.StaleStories).
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptFlush)
			flush(fctx)
			cancel()
			break
		}
		if ferr != nil {
			return ferr
		}
		if err != nil {
			return err
		}
		if n != nil && ctx.Err() == nil {
			// A webhook that fails is reported, not fatal: the events are
			// sent again after the next poll.
			if err := n.send(ctx, st); err != nil && ctx.Err() == nil {
				fmt.Fprintln(m.Stderr, "parallax:", err)
			}
		}
		if *once || ctx.Err() != nil {
			break
		}
		wait := time.Until(next)
		if next.IsZero() || wait > *interval {
			wait = *interval
		}
		if wait < time.Second {
			wait = time.Second
		}
		m.Logger.Info("watch: sleeping", "until", c.Now().Add(wait).Format(time.RFC3339))
		if c.Sleep(ctx, wait) != nil {
			break
		}
	}
	if ctx.Err() != nil {
		fmt.Fprintln(m.Stderr, "watch: stopped; everything ingested is kept")
	}
	return nil
}

// adder takes a feed's new article: into the library, or onto the queue;
// added is false when the library had it already.
type adder func(ctx context.Context, a *parallax.Article, feedID int64) (added bool, err error)

// pollDue polls every feed that is due and returns when the next one is.
func (c *WatchCommand) pollDue(ctx context.Context, st parallax.Store, add adder, fc *fetch.Client, interval time.Duration, queued bool) (time.Time, error) {
	m := c.Main
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return time.Time{}, err
	}
	var next time.Time
	for _, f := range feeds {
		if ctx.Err() != nil {
			return next, nil
		}
		now := c.Now()
		if !f.NextPoll.IsZero() && f.NextPoll.After(now) {
			if next.IsZero() || f.NextPoll.Before(next) {
				next = f.NextPoll
			}
			continue
		}
		res := ingest.PollFeed(ctx, fc, f)
		f.LastPolled = now
		added := 0
		for _, a := range res.Articles {
			if ctx.Err() != nil {
				break
			}
			isNew, err := add(ctx, a, f.ID)
			if err != nil {
				if ctx.Err() == nil {
					fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(err))
				}
				continue
			}
			if isNew {
				added++
			}
		}
		for _, e := range res.ItemErrors {
			fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(e))
		}
		if res.Err != nil {
			f.Failures++
			f.LastError = parallax.ErrorMessage(res.Err)
			f.NextPoll = now.Add(fetch.Backoff(f.Failures))
			fmt.Fprintf(m.Stderr, "parallax: feed %d: %s (retry at %s)\n", f.ID, f.LastError, f.NextPoll.Format(time.RFC3339))
		} else {
			f.Failures, f.LastError = 0, ""
			f.NextPoll = now.Add(interval)
			if res.Title != "" {
				f.Title = res.Title
			}
			if !res.NotModified {
				f.ETag, f.LastModified = res.ETag, res.LastModified
			}
			state := fmt.Sprintf("%d new", added)
			if queued {
				state = fmt.Sprintf("%d queued", added)
			}
			if res.NotModified {
				state = "not modified"
			}
			fmt.Fprintf(m.Stdout, "feed %d %s: %s\n", f.ID, f.URL, state)
		}
		if err := st.UpdateFeed(ctx, f); err != nil {
			return next, err
		}
		if next.IsZero() || f.NextPoll.Before(next) {
			next = f.NextPoll
		}
	}
	return next, nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
