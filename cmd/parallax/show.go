package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/report"
)

// ShowCommand prints one story's comparison: the same report as compare.
type ShowCommand struct{ Main *Main }

func (c *ShowCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax show", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := fs.String("db", DefaultDBPath(), "library database (or $PARALLAX_DB)")
	format := fs.String("format", "text", "text, json, md or html")
	out := fs.String("o", "", "write to this file instead of standard output")
	color := fs.Bool("color", false, "colour the text report")
	if err := fs.Parse(reorder(args)); err != nil {
		return errSilent{2}
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(m.Stderr, "usage: parallax show [--format text|json|md|html] STORY (hint: parallax stories lists them)")
		return errSilent{2}
	}
	id, err := parseStoryID(fs.Arg(0))
	if err != nil {
		return err
	}
	f, err := report.ParseFormat(*format)
	if err != nil {
		return err
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		_, raw, err := st.Story(ctx, id)
		if err != nil {
			return err
		}
		var rep parallax.Report
		if err := json.Unmarshal(raw, &rep); err != nil {
			return fmt.Errorf("story s%d: stored report unreadable: %w", id, err)
		}
		recs, err := st.StoryArticles(ctx, id)
		if err != nil {
			return err
		}
		arts := map[string]*parallax.Article{}
		for _, r := range recs {
			a := r.Article
			a.ID = fmt.Sprintf("a%d", r.ID)
			arts[a.ID] = &a
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
		if err := report.Write(w, f, &rep, report.Options{Articles: arts, Text: report.TextOptions{Color: *color}}); err != nil {
			return err
		}
		if file != nil {
			return file.Commit()
		}
		return nil
	})
}

// reorder moves flags after positional arguments to the front, so
// "show s3 --format json" works as well as "show --format json s3".
func reorder(args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if len(a) > 1 && a[0] == '-' {
			flags = append(flags, a)
			if !containsEq(a) && i+1 < len(args) && !isBoolFlag(a) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		pos = append(pos, a)
	}
	return append(flags, pos...)
}

func containsEq(s string) bool {
	for _, r := range s {
		if r == '=' {
			return true
		}
	}
	return false
}

func isBoolFlag(s string) bool {
	switch s {
	case "-color", "--color", "-allow-private", "--allow-private", "-no-progress", "--no-progress", "-once", "--once", "-one-story", "--one-story":
		return true
	}
	return false
}
