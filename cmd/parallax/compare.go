package main

import (
	"context"
	"flag"
	"fmt"
	"io"

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
	fs := flag.NewFlagSet("parallax compare", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	format := fs.String("format", "text", "output format: text, json, md or html")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	oneStory := fs.Bool("one-story", false, "treat all inputs as one story instead of grouping them")
	color := fs.Bool("color", false, "colour the text report")
	maxSize := fs.Int64("max-size", 10<<20, "largest single-article file to read, in bytes")
	fs.Usage = func() {
		fmt.Fprintln(m.Stderr, "Usage: parallax compare [flags] INPUT...\n\nINPUT: text, HTML, JSON Lines, RSS/Atom/JSON Feed or WARC files, or directories of them.\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return errSilent{2}
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(m.Stderr, "parallax compare: no INPUT given (hint: parallax compare examples/)")
		return errSilent{2}
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		fmt.Fprintln(m.Stderr, "parallax compare:", err)
		return errSilent{2}
	}
	arts, errs := read.Inputs(ctx, fs.Args(), read.Options{MaxFileSize: *maxSize})
	for _, e := range errs {
		fmt.Fprintln(m.Stderr, "parallax:", parallax.ErrorMessage(e))
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	rep := pipeline.Run(arts, pipeline.Options{OneStory: *oneStory})
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
	if err := report.Write(w, f, rep, report.Options{Articles: byID, Text: report.TextOptions{Color: *color}}); err != nil {
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

func inputOf(err error) string {
	if e, ok := err.(interface{ Input() string }); ok {
		return e.Input()
	}
	return ""
}
