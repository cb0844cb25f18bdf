package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax/internal/group"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/synth"
)

// groupSizes parses the -group flag: article counts separated by commas,
// with k and M accepted ("100k,1M").
func groupSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		mult := 1
		switch {
		case strings.HasSuffix(f, "k"):
			mult, f = 1000, strings.TrimSuffix(f, "k")
		case strings.HasSuffix(f, "M"):
			mult, f = 1_000_000, strings.TrimSuffix(f, "M")
		}
		n, err := strconv.Atoi(f)
		if err != nil || n*mult < 10 {
			return nil, fmt.Errorf("-group: %q is not an article count of at least 10", s)
		}
		out = append(out, n*mult)
	}
	return out, nil
}

// groupScale groups synthetic corpora of the given sizes in one batch, as
// compare does, and prints time, articles per second per core, peak
// resident memory and the BCubed F1 against the events the corpus was
// written from. Articles are generated as grouping reads them, so the
// memory is grouping's own, not the corpus's.
func (c *BenchCommand) groupScale(ctx context.Context, sizes []int, seed int64) error {
	m := c.Main
	cores := runtime.GOMAXPROCS(0)
	fmt.Fprintf(m.Stdout, "grouping synthetic articles in one batch (stories of 5 articles, window %v), %d cores\n\n", pipeline.DefaultWindow, cores)
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "articles\tseconds\tcpu-s\tarticles/s\tarticles/s/core\tµs cpu/article\tpeak RSS MB\tbytes/article\tstories\tBCubed F1\t")
	for _, n := range sizes {
		if err := ctx.Err(); err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "grouping %d articles…\n", n)
		runtime.GC()
		debug.FreeOSMemory()
		base := rssKB("VmRSS")
		resetPeakRSS()
		cpu0 := cpuTime()
		start := time.Now()
		res, err := groupSynthetic(ctx, n, seed)
		if err != nil {
			return err
		}
		wall := time.Since(start)
		cpu := cpuTime() - cpu0
		peak := rssKB("VmHWM")
		grown := max(0, peak-base)
		fmt.Fprintf(w, "%d\t%.1f\t%.1f\t%.0f\t%.0f\t%.1f\t%.0f\t%.0f\t%d\t%.3f\t\n", n, wall.Seconds(), cpu.Seconds(),
			float64(n)/wall.Seconds(), float64(n)/wall.Seconds()/float64(cores), float64(cpu.Microseconds())/float64(n),
			float64(peak)/1024, float64(grown)*1024/float64(n), len(res.Clusters), syntheticF1(res, 5))
	}
	w.Flush()
	fmt.Fprintln(m.Stdout, "\npeak RSS is the process's high-water mark while grouping; bytes/article is its growth over the resident memory before")
	return nil
}

// groupSynthetic groups n synthetic articles, generated as they are added.
func groupSynthetic(ctx context.Context, n int, seed int64) (group.Result, error) {
	b := group.NewBatch(group.Options{Window: pipeline.DefaultWindow})
	i := 0
	for a := range synth.Stream(synth.Options{Articles: n, Seed: seed}) {
		if i%4096 == 0 && ctx.Err() != nil {
			b.Result() // stops the workers
			return group.Result{}, ctx.Err()
		}
		i++
		b.Add(group.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, Language: a.Language})
	}
	return b.Result(), nil
}

// syntheticF1 is the BCubed F1 of res against the synthetic events: the
// i-th article (from 0) was written about event i/perEvent.
func syntheticF1(res group.Result, perEvent int) float64 {
	size := map[string]int{}
	for _, s := range res.Story {
		size[s]++
	}
	type pe struct {
		story string
		event int
	}
	both := map[pe]int{}
	for i, s := range res.Story {
		both[pe{s, i / perEvent}]++
	}
	var p, r float64
	n := len(res.Story)
	for i, s := range res.Story {
		k := float64(both[pe{s, i / perEvent}])
		p += k / float64(size[s])
		ev := min(perEvent, n-i/perEvent*perEvent)
		r += k / float64(ev)
	}
	p /= float64(n)
	r /= float64(n)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rssKB reads a field of /proc/self/status in kB (VmRSS, VmHWM), or 0 where
// there is no /proc.
func rssKB(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			v, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return v
		}
	}
	return 0
}

// resetPeakRSS sets VmHWM back to the current resident size (Linux: "5" to
// clear_refs), so that each measurement reports its own peak.
func resetPeakRSS() {
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}
