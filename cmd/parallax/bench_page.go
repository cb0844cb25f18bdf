package main

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/read"
)

// pageSize parses the -page flag: bytes, with k, M or MB accepted.
func pageSize(s string) (int, error) {
	f := strings.TrimSuffix(strings.TrimSpace(s), "B")
	mult := 1
	switch {
	case strings.HasSuffix(f, "k"):
		mult, f = 1<<10, strings.TrimSuffix(f, "k")
	case strings.HasSuffix(f, "M"):
		mult, f = 1<<20, strings.TrimSuffix(f, "M")
	}
	n, err := strconv.Atoi(f)
	if err != nil || n*mult < 1<<10 {
		return 0, fmt.Errorf("-page: %q is not a size of at least 1k", s)
	}
	return n * mult, nil
}

// tinyParagraphPage is an HTML page of about size bytes: a headline and
// one-line paragraphs in an article, between a menu and a footer.
func tinyParagraphPage(size int) (page []byte, paragraphs int) {
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide table</title></head><body>` +
		`<nav><a href="/">Home</a></nav><main><article><h1>Tide table for the year</h1>`)
	for b.Len() < size-64 {
		fmt.Fprintf(&b, "<p>Tide %d.</p>", paragraphs)
		paragraphs++
	}
	b.WriteString(`</article></main><footer>Harbour Gazette</footer></body></html>`)
	return b.Bytes(), paragraphs
}

// page measures reading one huge page of tiny paragraphs (the shape that
// once took go-trafilatura minutes and gigabytes), then analysing the
// article it gives: time and peak resident memory of each step.
func (c *BenchCommand) page(ctx context.Context, size int) error {
	m := c.Main
	page, paragraphs := tinyParagraphPage(size)
	fmt.Fprintf(m.Stdout, "one HTML page of %d bytes: %d one-line paragraphs\n\n", len(page), paragraphs)
	w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "step\tseconds\tpeak RSS MB\tlines or sentences\t")
	measure := func(step string, f func() (int, error)) error {
		runtime.GC()
		debug.FreeOSMemory()
		resetPeakRSS()
		start := time.Now()
		lines, err := f()
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%.2f\t%.0f\t%d\t\n", step, time.Since(start).Seconds(), float64(rssKB("VmHWM"))/1024, lines)
		return ctx.Err()
	}
	var text string
	var analyze func() (int, error)
	unanalysed := 0
	err := measure("read the page (extract the article)", func() (int, error) {
		a, err := read.HTML("tides.html", page, nil)
		if err != nil {
			return 0, err
		}
		text = a.Text
		analyze = func() (int, error) {
			an := pipeline.NewAnalyzer().Analyze(a)
			unanalysed = an.Unanalysed
			return len(an.Sentences), nil
		}
		return strings.Count(text, "\n") + 1, nil
	})
	if err == nil {
		page = nil
		err = measure("analyse the article (sentences)", analyze)
	}
	w.Flush()
	if unanalysed > 0 {
		fmt.Fprintf(m.Stdout, "\nthe analysis read the first %d bytes of the article's %d (analyze.MaxText, MaxSentences), the rest is reported unanalysed\n",
			len(text)-unanalysed, len(text))
	}
	return err
}
