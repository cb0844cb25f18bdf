package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/ingest"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/synth"
)

// indexPlaced is how many new articles -index places after each start.
const indexPlaced = 1000

// indexScale measures what starting ingest or serve costs, and placing an
// article just after, for libraries of the given sizes whose articles all
// fall within the index's window (the worst case for a rebuild): a
// rebuild from the stored articles (what every start did before the index
// was kept in the store), building the kept index once, opening it, and
// placing new articles through it, first with nothing read yet, then
// again.
//
// keep, when not empty, is a folder where each library is kept once built,
// to start from next time; profile, when not empty, the name of files for
// CPU profiles of the placements after a start (profile.1) and of those
// after (profile.2).
func (c *BenchCommand) indexScale(ctx context.Context, sizes []int, seed int64, keep, profile string) error {
	m := c.Main
	dir, err := os.MkdirTemp("", "parallax-bench-index-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintf(m.Stdout, "the grouping index at start-up: synthetic libraries in fresh SQLite files, every article within the %v window\n\n", pipeline.DefaultWindow)
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "articles\trebuild at start (before), s\tbuild once, s\tstart, kept index, ms\tplace first %d, ms/article\tplace next %d, ms/article\tindex values read/article\tof which reading, ms\tsaving, ms\tKB saved/article\tnext: saving, ms\tvalues saved/article (df, posting, story, bucket, doc, log)\tfold the log, s\tof articles\tfold per article, ms\tlog holds, articles\tregroup the %d placed, s\tarticles regrouped\tmoved\tregroup per placed article, ms\tthen place %d more and regroup, s\tarticles regrouped\tmoved\tregroup per placed article, ms\t\n", indexPlaced, indexPlaced, 2*indexPlaced, indexPlaced)
	for _, n := range sizes {
		if err := ctx.Err(); err != nil {
			return err
		}
		row, err := c.indexRow(ctx, filepath.Join(dir, fmt.Sprintf("lib%d.db", n)), n, seed, keep, profile)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, row)
		w.Flush()
	}
	return nil
}

// countingStore counts the index values read and times reading and
// saving them.
type countingStore struct {
	parallax.Store
	mu          sync.Mutex
	reads       int
	read, saved time.Duration
	savedCPU    time.Duration // the process's CPU time while saving
	savedIO     ioCounts      // the process's I/O while saving
	bytes       int
	kinds       [16]int // values saved, by kind
	readKinds   [16]int // values read, by kind
	askedKinds  [16]int // keys asked for, by kind
	readTimes   [16]time.Duration
}

func (s *countingStore) GroupState(ctx context.Context, kind int, keys []int64) (map[int64][]byte, error) {
	start := time.Now()
	m, err := s.Store.GroupState(ctx, kind, keys)
	s.mu.Lock()
	s.reads += len(m)
	s.read += time.Since(start)
	s.readKinds[min(kind, len(s.kinds)-1)] += len(m)
	s.askedKinds[min(kind, len(s.kinds)-1)] += len(keys)
	s.readTimes[min(kind, len(s.kinds)-1)] += time.Since(start)
	s.mu.Unlock()
	return m, err
}

func (s *countingStore) SaveGroupState(ctx context.Context, w parallax.GroupWrite) error {
	start, cpu, io := time.Now(), cpuTime(), readIO()
	err := s.Store.SaveGroupState(ctx, w)
	s.mu.Lock()
	s.saved += time.Since(start)
	s.savedCPU += cpuTime() - cpu
	s.savedIO = s.savedIO.add(readIO().sub(io))
	for _, v := range w.Values {
		s.bytes += len(v.Value) + 16
		s.kinds[min(v.Kind, len(s.kinds)-1)]++
	}
	s.mu.Unlock()
	return err
}

// printKinds writes, per kind of index value, the values read and the
// keys asked per article, and the ms per article reading them took.
func (s *countingStore) printKinds(w io.Writer, n int) {
	for kind, v := range s.readKinds {
		if v > 0 || s.askedKinds[kind] > 0 {
			fmt.Fprintf(w, " %d: %.1f of %.1f, %.3f;", kind, float64(v)/float64(n), float64(s.askedKinds[kind])/float64(n), s.readTimes[kind].Seconds()*1000/float64(n))
		}
	}
}

func (s *countingStore) reset() {
	s.mu.Lock()
	s.reads, s.read, s.saved, s.bytes, s.kinds, s.savedCPU, s.savedIO = 0, 0, 0, 0, [16]int{}, 0, ioCounts{}
	s.readKinds, s.readTimes, s.askedKinds = [16]int{}, [16]time.Duration{}, [16]int{}
	s.mu.Unlock()
}

func (c *BenchCommand) indexRow(ctx context.Context, path string, n int, seed int64, keep, profile string) (string, error) {
	m := c.Main
	now := time.Now()
	arts := synth.Corpus(synth.Options{Articles: n + 3*indexPlaced, Seed: seed + 2})
	span := pipeline.DefaultWindow - 24*time.Hour
	for i, a := range arts {
		a.Published = now.Add(-span + time.Duration(float64(span)*float64(i)/float64(len(arts))))
	}
	var kept string
	if keep != "" {
		kept = filepath.Join(keep, fmt.Sprintf("lib%d-seed%d.db", n, seed))
		if _, err := os.Stat(kept); err == nil {
			fmt.Fprintf(m.Stderr, "starting from %s…\n", kept)
			if err := copyFile(kept, path); err != nil {
				return "", err
			}
			st, err := openStore(ctx, path)
			if err != nil {
				return "", err
			}
			defer st.Close()
			return c.indexPlace(ctx, st, path, arts, n, now, 0, 0, profile)
		}
	}
	st, err := openStore(ctx, path)
	if err != nil {
		return "", err
	}
	defer func() { st.Close() }()
	fmt.Fprintf(m.Stderr, "storing %d articles…\n", n)
	if err := storeAll(ctx, ingest.NewStorer(st), arts[:n]); err != nil {
		return "", err
	}

	// Before: every start rebuilt the index from the window's articles.
	start := time.Now()
	recent, err := st.ArticlesSince(ctx, now.Add(-pipeline.DefaultWindow), 200000)
	if err != nil {
		return "", err
	}
	sort.SliceStable(recent, func(i, j int) bool { return recent[i].ID < recent[j].ID })
	mem := group.NewIndex(group.Options{Window: pipeline.DefaultWindow})
	for _, r := range recent {
		a, err := pipeline.RecordAnalysis(r)
		if err != nil {
			return "", err
		}
		mem.Add(pipeline.Doc(a))
	}
	rebuild := time.Since(start)
	recent, mem = nil, nil

	fmt.Fprintf(m.Stderr, "building the kept index…\n")
	start = time.Now()
	ing, err := ingest.New(ctx, st, ingest.Options{Now: func() time.Time { return now }})
	if err != nil {
		return "", err
	}
	build := time.Since(start)
	// A library's stories are compared: none is left stale for a start
	// to find.
	fmt.Fprintf(m.Stderr, "comparing the stories…\n")
	err = ing.Flush(ctx)
	ing.Close()
	if err != nil {
		return "", err
	}
	if kept != "" {
		// Closed, so that the file holds all (the WAL checkpointed).
		st.Close()
		if err := os.MkdirAll(keep, 0o755); err != nil {
			return "", err
		}
		if err := copyFile(path, kept+".tmp"); err != nil {
			return "", err
		}
		if err := os.Rename(kept+".tmp", kept); err != nil {
			return "", err
		}
		if st, err = openStore(ctx, path); err != nil {
			return "", err
		}
	}
	return c.indexPlace(ctx, st, path, arts, n, now, rebuild, build, profile)
}

// indexPlace times starting ingest over the library st holds (its first n
// articles of arts stored and placed), in the SQLite file at path, and
// placing the rest after.
func (c *BenchCommand) indexPlace(ctx context.Context, st parallax.Store, path string, arts []*parallax.Article, n int, now time.Time, rebuild, build time.Duration, profile string) (string, error) {
	var err error
	var start time.Time
	var ing *ingest.Ingester

	// Starting again: the fastest of three.
	cs := &countingStore{Store: st}
	var open time.Duration
	for k := range 3 {
		start = time.Now()
		ing, err = ingest.New(ctx, cs, ingest.Options{Now: func() time.Time { return now }, DeferUnplaced: true})
		if err != nil {
			return "", err
		}
		if d := time.Since(start); k == 0 || d < open {
			open = d
		}
		if k < 2 {
			ing.Close()
		}
	}
	defer ing.Close()
	var placeCPU time.Duration // the process's CPU time placing the last batch
	var placeIO ioCounts
	placing := 0
	place := func(batch []*parallax.Article) (time.Duration, error) {
		if err := storeAll(ctx, ingest.NewStorer(st), batch); err != nil {
			return 0, err
		}
		// What storing wrote is copied from the WAL into the file now, not
		// by a checkpoint the placements' save would run.
		if err := checkpoint(ctx, path); err != nil {
			return 0, err
		}
		// The profile of the first two batches' placements: profile.1, .2.
		if placing++; profile != "" && placing <= 2 {
			f, err := os.Create(fmt.Sprintf("%s.%d", profile, placing))
			if err != nil {
				return 0, err
			}
			defer f.Close()
			if err := pprof.StartCPUProfile(f); err != nil {
				return 0, err
			}
			defer pprof.StopCPUProfile()
		}
		start, cpu, io := time.Now(), cpuTime(), readIO()
		placed, err := ing.PlacePending(ctx, len(batch), nil)
		if err == nil && placed != len(batch) {
			err = fmt.Errorf("placed %d of %d", placed, len(batch))
		}
		placeCPU, placeIO = cpuTime()-cpu, readIO().sub(io)
		return time.Since(start), err
	}
	cs.reset()
	first, err := place(arts[n : n+indexPlaced])
	if err != nil {
		return "", err
	}
	reads, read, saved, bytes := cs.reads, cs.read, cs.saved, cs.bytes
	fmt.Fprintf(c.Main.Stderr, "first %d: %.2f ms/article, CPU %.2f ms, I/O %s; reading %.2f ms, saving %.2f ms, CPU %.2f ms, I/O %s; read by kind (values/article of keys asked, ms/article):", indexPlaced, first.Seconds()*1000/indexPlaced, placeCPU.Seconds()*1000/indexPlaced, placeIO.per(indexPlaced), read.Seconds()*1000/indexPlaced, saved.Seconds()*1000/indexPlaced, cs.savedCPU.Seconds()*1000/indexPlaced, cs.savedIO.per(indexPlaced))
	cs.printKinds(c.Main.Stderr, indexPlaced)
	fmt.Fprintln(c.Main.Stderr)
	logged, _ := ing.IndexLog()
	cs.reset()
	next, err := place(arts[n+indexPlaced : n+2*indexPlaced])
	if err != nil {
		return "", err
	}
	// Every some thousands of placements the log of document frequencies
	// is folded into them: folded here, the time spread over the articles
	// logged (a full log holds more, which a fold writes in fewer pages
	// per article).
	entries, capacity := ing.IndexLog()
	var vEntries, vCapacity int
	if v, ok := any(ing).(interface{ IndexValueLog() (int, int) }); ok {
		vEntries, vCapacity = v.IndexValueLog()
	}
	nextSaved, k := cs.saved, cs.kinds
	fmt.Fprintf(c.Main.Stderr, "next %d: %.2f ms/article, CPU %.2f ms, I/O %s; reading %.2f ms, saving %.2f ms, CPU %.2f ms, I/O %s; read by kind (values/article of keys asked, ms/article):", indexPlaced, next.Seconds()*1000/indexPlaced, placeCPU.Seconds()*1000/indexPlaced, placeIO.per(indexPlaced), cs.read.Seconds()*1000/indexPlaced, nextSaved.Seconds()*1000/indexPlaced, cs.savedCPU.Seconds()*1000/indexPlaced, cs.savedIO.per(indexPlaced))
	cs.printKinds(c.Main.Stderr, indexPlaced)
	fmt.Fprintf(c.Main.Stderr, " value log: %d entries of %d, %d rows saved\n", vEntries, vCapacity, k[group.StateDocNum+1])
	start = time.Now()
	if err := ing.FoldIndex(ctx); err != nil {
		return "", err
	}
	fold := time.Since(start)
	// The articles placed since the start are grouped again, with their
	// stories and the nearest ones, as at the end of an ingest run.
	start = time.Now()
	if err := ing.Regroup(ctx); err != nil {
		return "", err
	}
	regroup := time.Since(start)
	rg := ing.Regrouped()
	// Once more: the stories one-pass placement had chained together are
	// split now, as in a library that regroups every run.
	if _, err := place(arts[n+2*indexPlaced:]); err != nil {
		return "", err
	}
	start = time.Now()
	if err := ing.Regroup(ctx); err != nil {
		return "", err
	}
	regroup2 := time.Since(start)
	rg2 := ing.Regrouped()
	perArticle := max(float64(entries-logged)/indexPlaced, 1)
	inLog, perFold := float64(entries)/perArticle, float64(capacity)/perArticle
	ms := func(d time.Duration) float64 { return d.Seconds() * 1000 / indexPlaced }
	kinds := fmt.Sprintf("%d, %d, %d, %d, %d, %d", k[group.StateDF]/indexPlaced, k[group.StatePosting]/indexPlaced, k[group.StateStory]/indexPlaced,
		k[group.StateBucket]/indexPlaced, k[group.StateDoc]/indexPlaced, k[group.StateDFLog])
	return fmt.Sprintf("%d\t%.2f\t%.2f\t%.1f\t%.2f\t%.2f\t%d\t%.2f\t%.2f\t%.0f\t%.2f\t%s\t%.2f\t%.0f\t%.2f\t%.0f\t%.2f\t%d\t%d\t%.2f\t%.2f\t%d\t%d\t%.2f\t", n, rebuild.Seconds(), build.Seconds(),
		open.Seconds()*1000, ms(first), ms(next), reads/indexPlaced, ms(read), ms(saved), float64(bytes)/indexPlaced/1024, ms(nextSaved), kinds,
		fold.Seconds(), inLog, fold.Seconds()*1000/max(inLog, 1), perFold,
		regroup.Seconds(), rg.Docs, len(rg.Moves), regroup.Seconds()*1000/(2*indexPlaced),
		regroup2.Seconds(), rg2.Docs, len(rg2.Moves), regroup2.Seconds()*1000/indexPlaced), nil
}

// storeAll analyses and stores arts on every core, unplaced, in order of
// their IDs as they come.
func storeAll(ctx context.Context, s *ingest.Storer, arts []*parallax.Article) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	next := make(chan *parallax.Article)
	for range 2 {
		wg.Go(func() {
			for a := range next {
				if _, _, err := s.Store(ctx, a, 0); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
				}
			}
		})
	}
	for _, a := range arts {
		if ctx.Err() != nil {
			break
		}
		next <- a
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

func cmpErr(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

// copyFile copies the file at from to to.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ioCounts are the process's I/O counts from /proc/self/io: bytes and
// calls of read and write (whether or not the disk was touched), which,
// unlike times, do not vary with the machine's load.
type ioCounts struct{ rchar, wchar, syscr, syscw int64 }

// readIO reads the counts; zero where there is no /proc.
func readIO() ioCounts {
	var c ioCounts
	b, err := os.ReadFile("/proc/self/io")
	if err != nil {
		return c
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(v, 10, 64)
		switch k {
		case "rchar":
			c.rchar = n
		case "wchar":
			c.wchar = n
		case "syscr":
			c.syscr = n
		case "syscw":
			c.syscw = n
		}
	}
	return c
}

func (c ioCounts) sub(d ioCounts) ioCounts {
	return ioCounts{c.rchar - d.rchar, c.wchar - d.wchar, c.syscr - d.syscr, c.syscw - d.syscw}
}

func (c ioCounts) add(d ioCounts) ioCounts {
	return ioCounts{c.rchar + d.rchar, c.wchar + d.wchar, c.syscr + d.syscr, c.syscw + d.syscw}
}

// per formats the counts per article: KB read and written, read and
// write calls.
func (c ioCounts) per(n int) string {
	f := float64(n)
	return fmt.Sprintf("read %.1f KB in %.1f calls, wrote %.1f KB in %.1f calls", float64(c.rchar)/1024/f, float64(c.syscr)/f, float64(c.wchar)/1024/f, float64(c.syscw)/f)
}

// checkpoint copies what the WAL of the SQLite file at path holds into
// the file, through a connection of its own.
func checkpoint(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	var busy, logged, copied int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &logged, &copied); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
