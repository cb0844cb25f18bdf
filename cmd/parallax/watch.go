package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/fetch"
	"github.com/parallaxnews/parallax/internal/ingest"
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
	fs := flag.NewFlagSet("parallax watch", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", DefaultDBPath(), "library database (or $PARALLAX_DB)")
	interval := fs.Duration("interval", 15*time.Minute, "time between two polls of one feed")
	once := fs.Bool("once", false, "poll every feed that is due once, then exit")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds on private, loopback and link-local addresses")
	ignoreRobots := fs.Bool("ignore-robots", false, "fetch where robots.txt disallows it")
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
	}
	if *interval < time.Minute && !*once {
		return parallax.Errorf(parallax.EINVALID, "watch: --interval %s is too short to be polite (at least 1m)", *interval)
	}
	st, err := openStore(*db)
	if err != nil {
		return err
	}
	defer st.Close()
	ing, err := ingest.New(ctx, st, ingest.Options{Logger: m.Logger, Now: c.Now})
	if err != nil {
		return err
	}
	fc := fetch.New(fetch.Options{AllowPrivate: *allowPrivate, IgnoreRobots: *ignoreRobots})
	for {
		next, err := c.pollDue(ctx, st, ing, fc, *interval)
		if ctx.Err() != nil {
			// Stopping: compare the touched stories for as long as an
			// interrupted ingest does, then go.
			fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptFlush)
			ing.Flush(fctx)
			cancel()
			break
		}
		if ferr := ing.Flush(ctx); ferr != nil {
			return ferr
		}
		if err != nil {
			return err
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

// pollDue polls every feed that is due and returns when the next one is.
func (c *WatchCommand) pollDue(ctx context.Context, st parallax.Store, ing *ingest.Ingester, fc *fetch.Client, interval time.Duration) (time.Time, error) {
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
			r, err := ing.Add(ctx, a, f.ID)
			if err != nil {
				if ctx.Err() == nil {
					fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(err))
				}
				continue
			}
			if r.New {
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
