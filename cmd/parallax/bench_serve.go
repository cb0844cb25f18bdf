package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/ingest"
)

// The web server under load, on loopback only: a library of synthetic
// coverage is built the way `bench -library` grows one, the real `serve`
// command runs in this process on 127.0.0.1, and a bounded load generator
// (a fixed number of requests per endpoint from a fixed number of workers)
// measures latency and throughput of the pages a reader opens most.

const (
	serveWorkers = 8   // concurrent requests
	serveStories = 5   // stories of typical size most requests go round
	serveWide    = 500 // and the many the uncached row goes round
	serveWarmup  = 100 // requests before measuring
	serveGoalP99 = 50 * time.Millisecond
)

func (c *BenchCommand) serve(ctx context.Context, size int, seed int64, requests int) error {
	m := c.Main
	if size < 10 || requests < 1 {
		fmt.Fprintln(m.Stderr, "parallax bench: -serve must be at least 10 and -requests at least 1")
		return errSilent{2}
	}
	dir, err := os.MkdirTemp("", "parallax-bench-serve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "serve.db")

	start := time.Now()
	ids, median, err := buildServeLibrary(ctx, db, size, seed)
	if err != nil {
		return err
	}
	few := ids[:min(len(ids), serveStories)]
	fmt.Fprintf(m.Stdout, "library: %d synthetic articles built and compared in %.1f s; %d stories of the median size (%d articles) requested, %v most\n",
		size, time.Since(start).Seconds(), len(ids), median, few)

	var logs limitedBuffer
	srv, err := startServe(ctx, &Main{Stdout: io.Discard, Stderr: &logs, Logger: m.Logger}, db)
	if err != nil {
		fmt.Fprintf(m.Stderr, "parallax bench: %v\n%s", err, logs.String())
		return errSilent{1}
	}
	defer srv.Stop()

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		MaxIdleConns: serveWorkers, MaxIdleConnsPerHost: serveWorkers,
		Proxy: nil, // loopback only, never through a proxy
	}}
	defer client.CloseIdleConnections()
	// The server keeps recently rendered story pages; going round more
	// stories than it keeps measures rendering too.
	endpoints := []struct {
		name   string
		format string
		ids    []int64
	}{
		{fmt.Sprintf("/stories/{id}, %d stories", len(few)), "/stories/%d", few},
		{fmt.Sprintf("/api/v1/stories/{id}, %d stories", len(few)), "/api/v1/stories/%d", few},
		{fmt.Sprintf("/stories/{id}, %d stories (uncached)", len(ids)), "/stories/%d", ids},
	}
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(m.Stdout, "server: %s (in this process; %d workers on loopback, %d requests per endpoint)\n\n", srv.Base, serveWorkers, requests)
	fmt.Fprintln(w, "endpoint\trequests\tp50 ms\tp99 ms\tmax ms\trequests/s\tKB/response\tp99 ≤ 50 ms\t")
	var missed []string
	for _, ep := range endpoints {
		var paths []string
		for _, id := range ep.ids {
			paths = append(paths, srv.Base+fmt.Sprintf(ep.format, id))
		}
		r, err := loadTest(ctx, client, paths, requests, serveWorkers)
		if err != nil {
			fmt.Fprintf(m.Stderr, "parallax bench: %s: %v\n%s", ep.name, err, logs.String())
			return errSilent{1}
		}
		ok := "yes"
		if r.p(99) > serveGoalP99 {
			ok = "NO"
			missed = append(missed, ep.name)
		}
		fmt.Fprintf(w, "%s\t%d\t%.2f\t%.2f\t%.2f\t%.0f\t%.1f\t%s\t\n", ep.name, len(r.latencies), ms(r.p(50)), ms(r.p(99)), ms(r.p(100)),
			float64(len(r.latencies))/r.elapsed.Seconds(), float64(r.bytes)/float64(len(r.latencies))/1024, ok)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := srv.Stop(); err != nil {
		fmt.Fprintf(m.Stderr, "parallax bench: serve: %v\n%s", err, logs.String())
		return errSilent{1}
	}
	if len(missed) > 0 {
		fmt.Fprintf(m.Stderr, "bench: p99 above %v for %v\n", serveGoalP99, missed)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// buildServeLibrary grows a library of n synthetic articles at db through
// the ingest path `bench -library` measures, compares every story, and
// returns up to serveWide stories of the median size (by articles), those
// with conflicts first, and that size.
func buildServeLibrary(ctx context.Context, db string, n int, seed int64) ([]int64, int, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, 0, err
	}
	defer st.Close()
	ing, err := ingest.New(ctx, st, ingest.Options{})
	if err != nil {
		return nil, 0, err
	}
	if err := growLibrary(ctx, ing, libraryCorpus(n, seed), nil); err != nil {
		return nil, 0, err
	}
	if err := ing.Flush(ctx); err != nil {
		return nil, 0, err
	}
	list, err := st.Stories(ctx, parallax.StoryFilter{Limit: 4 * serveWide})
	if err != nil {
		return nil, 0, err
	}
	if len(list) == 0 {
		return nil, 0, errors.New("the library has no stories")
	}
	sizes := make([]int, len(list))
	for i, s := range list {
		sizes[i] = s.Articles
	}
	slices.Sort(sizes)
	median := sizes[len(sizes)/2]
	sort.SliceStable(list, func(i, j int) bool { return list[i].Conflicts > 0 && list[j].Conflicts == 0 })
	var ids []int64
	for _, s := range list {
		if s.Articles == median && len(ids) < serveWide {
			ids = append(ids, s.ID)
		}
	}
	return ids, median, nil
}

// loadResult is one endpoint's measurements.
type loadResult struct {
	latencies []time.Duration // sorted
	elapsed   time.Duration
	bytes     int64
}

// p returns the q-th percentile latency (q in 0..100).
func (r loadResult) p(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(q/100*float64(len(r.latencies))+0.5) - 1
	return r.latencies[max(0, min(i, len(r.latencies)-1))]
}

// loadTest sends total GET requests to paths in turn from workers
// goroutines, after serveWarmup unmeasured ones, and stops by itself:
// every response must be 200 with a body.
func loadTest(ctx context.Context, client *http.Client, paths []string, total, workers int) (loadResult, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Minute)
	defer cancel()
	get := func(url string) (int64, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		if err != nil {
			return 0, err
		}
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		defer res.Body.Close()
		n, err := io.Copy(io.Discard, res.Body)
		if err != nil {
			return n, err
		}
		if res.StatusCode != http.StatusOK || n == 0 {
			return n, fmt.Errorf("GET %s: %s, %d bytes", url, res.Status, n)
		}
		return n, nil
	}
	for i := range serveWarmup {
		if _, err := get(paths[i%len(paths)]); err != nil {
			return loadResult{}, err
		}
	}
	var (
		next  atomic.Int64
		bytes atomic.Int64
		mu    sync.Mutex
		lat   = make([]time.Duration, 0, total)
		first error
		wg    sync.WaitGroup
	)
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, total/workers+1)
			defer func() {
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			}()
			for {
				i := next.Add(1) - 1
				if i >= int64(total) || ctx.Err() != nil {
					return
				}
				t0 := time.Now()
				n, err := get(paths[int(i)%len(paths)])
				mine = append(mine, time.Since(t0))
				bytes.Add(n)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
					cancel()
					return
				}
			}
		}()
	}
	wg.Wait()
	r := loadResult{elapsed: time.Since(start), bytes: bytes.Load()}
	if first != nil {
		return r, first
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	slices.Sort(lat)
	r.latencies = lat
	return r, nil
}

// runningServer is a `parallax serve` running in this process.
type runningServer struct {
	Base   string // http://127.0.0.1:PORT
	cancel context.CancelFunc
	done   chan error
	once   sync.Once
	err    error
}

// startServe runs the serve command of m on 127.0.0.1:0 (a free port the
// system picks) over the library at db, reads the address it announces on
// m.Stderr ("serving DB at http://127.0.0.1:PORT"), and waits until / answers.
// Stop ends it.
func startServe(ctx context.Context, m *Main, db string) (*runningServer, error) {
	ctx, cancel := context.WithCancel(ctx)
	s := &runningServer{cancel: cancel, done: make(chan error, 1)}
	announced := &announceWriter{w: m.Stderr, url: make(chan string, 1)}
	sm := &Main{Stdout: m.Stdout, Stderr: announced, Logger: m.Logger}
	go func() { s.done <- sm.Run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--db", db}) }()
	timeout := time.After(30 * time.Second)
	select {
	case s.Base = <-announced.url:
	case err := <-s.done:
		cancel()
		if err == nil {
			err = errors.New("exited at once")
		}
		return nil, fmt.Errorf("parallax serve --addr 127.0.0.1:0: %w", err)
	case <-timeout:
		s.Stop()
		return nil, errors.New("parallax serve --addr 127.0.0.1:0: announced no address within 30 s")
	}
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{Proxy: nil}}
	defer client.CloseIdleConnections()
	for {
		res, err := client.Get(s.Base + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		select {
		case <-timeout:
			s.Stop()
			return nil, fmt.Errorf("parallax serve at %s: no 200 on / within 30 s (last: %v)", s.Base, errOrStatus(res, err))
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// announceWriter passes writes through to w and sends the first loopback
// URL written ("at http://127.0.0.1:PORT") on url, once.
type announceWriter struct {
	w     io.Writer
	url   chan string // buffered: one send
	mu    sync.Mutex
	seen  []byte
	found bool
}

var announceRE = regexp.MustCompile(`\bat (http://127\.0\.0\.1:[0-9]+)\b`)

func (a *announceWriter) Write(p []byte) (int, error) {
	a.mu.Lock()
	if !a.found && len(a.seen) < 64<<10 {
		a.seen = append(a.seen, p...)
		if m := announceRE.FindSubmatch(a.seen); m != nil {
			a.found, a.seen = true, nil
			a.url <- string(m[1])
		}
	}
	a.mu.Unlock()
	return a.w.Write(p)
}

func errOrStatus(res *http.Response, err error) any {
	if err != nil {
		return err
	}
	return res.Status
}

// Stop cancels the server's context and waits for it to return.
func (s *runningServer) Stop() error {
	s.once.Do(func() {
		s.cancel()
		select {
		case s.err = <-s.done:
		case <-time.After(15 * time.Second):
			s.err = errors.New("serve did not stop within 15 s of its context being cancelled")
		}
		if errors.Is(s.err, context.Canceled) {
			s.err = nil
		}
	})
	return s.err
}

// limitedBuffer keeps the first 64 KiB written to it, for error messages.
type limitedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := 64<<10 - b.buf.Len(); room > 0 {
		b.buf.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

func (b *limitedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
