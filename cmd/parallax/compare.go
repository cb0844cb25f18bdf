package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/pipeline"
	"github.com/parallaxnews/parallax/internal/read"
	"github.com/parallaxnews/parallax/internal/report"
)

// CompareCommand reads articles, groups them into stories and prints the
// comparison.
type CompareCommand struct {
	Main *Main
}

func (c *CompareCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "compare", `Usage: parallax compare [flags] INPUT...

Reads articles, groups those about the same event into stories and compares
how the outlets cover each: what they agree on, what they dispute, who is
quoted, how each frames it. Nothing is fetched from the network.

INPUT: a text, HTML, JSON Lines (news-please fields), RSS/Atom/JSON Feed or
WARC file, or a directory of them. A text file may open with front matter
naming its outlet, headline, date and URL:

  ---
  outlet: Harbor Gazette
  date: 2026-03-03
  ---`)
	format := fs.String("format", "text", "output format: text, json, md or html")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	oneStory := fs.Bool("one-story", false, "treat all inputs as one story instead of grouping them")
	incremental := fs.Bool("incremental", false, "group the articles as the library does: one at a time, in input order, then again every 5,000 and at the end with the stories they joined: the stories ingest makes of them in an empty library (up to 5,000 articles, those of grouping all at once)")
	color := fs.Bool("color", false, "colour the text report")
	maxSize := fs.Int64("max-size", 10<<20, "largest single-article file to read, in bytes")
	outlet := fs.String("outlet", "", "the outlet of the text and HTML files given (they name none, or the wrong one)")
	outletsFile := fs.String("outlets", "", outletsFlag)
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() == 0 {
		return usageError(m, fs, "no INPUT given (hint: parallax compare examples/)")
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return usageError(m, fs, "%s", parallax.ErrorMessage(err))
	}
	dir, err := loadOutlets(*outletsFile)
	if err != nil {
		return err
	}
	var inputs []string
	var errs []error
	for _, in := range fs.Args() {
		p, err := checkInput(in, false)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		inputs = append(inputs, p)
	}
	arts, readErrs := read.Inputs(ctx, inputs, read.Options{MaxFileSize: *maxSize, Outlet: *outlet})
	errs = append(errs, readErrs...)
	for _, e := range errs {
		fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(e))
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep := pipeline.Run(arts, pipeline.Options{OneStory: *oneStory, Incremental: *incremental})
	for _, e := range errs {
		rep.Errors = append(rep.Errors, parallax.InputError{Input: inputOf(e), Problem: parallax.ErrorMessage(e)})
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var w io.Writer = m.Stdout
	var file *outputFile
	if *out != "" {
		if file, err = createOutput(*out); err != nil {
			return err
		}
		defer file.Close()
		w = file
	}
	byID := map[string]*parallax.Article{}
	for _, a := range arts {
		byID[a.ID] = a
	}
	if err := report.Write(w, f, rep, report.Options{Articles: byID, Text: report.TextOptions{Color: *color}, Directory: dir}); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errSilent{1}
	}
	return nil
}

// inputOf is the input an error names: its own Input, or the quoted name
// at the start of its message ("read \"x.txt\": …", "x.txt: …").
func inputOf(err error) string {
	if e, ok := err.(interface{ Input() string }); ok {
		return e.Input()
	}
	msg := parallax.ErrorMessage(err)
	if i := strings.IndexByte(msg, '"'); i >= 0 && i < 8 {
		if j := strings.IndexByte(msg[i+1:], '"'); j > 0 {
			return msg[i+1 : i+1+j]
		}
	}
	if i := strings.Index(msg, ": "); i > 0 && !strings.Contains(msg[:i], " ") {
		return msg[:i]
	}
	return ""
}
