package main

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/synth"
)

// BenchCommand generates a fictional corpus and measures each stage's
// throughput, per core: speed goals live here, not in unit tests.
type BenchCommand struct {
	Main *Main
}

func (c *BenchCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax bench", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	n := fs.Int("n", 10000, "number of synthetic articles")
	seed := fs.Int64("seed", 1, "random seed for the corpus")
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
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
