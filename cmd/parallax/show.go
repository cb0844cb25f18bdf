package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/parallaxnews/parallax"
	"github.com/parallaxnews/parallax/internal/report"
	"github.com/parallaxnews/parallax/internal/view"
)

// ShowCommand prints one story's comparison: the same report as compare.
type ShowCommand struct{ Main *Main }

func (c *ShowCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "show", `Usage: parallax show [flags] STORY

Prints one story's comparison, the same report as compare: the summary,
the digest, the conflicts and the details. STORY is its ID (s12 or 12;
parallax stories lists them).`)
	db := dbFlag(fs)
	format := fs.String("format", "text", "text, json, md or html")
	out := fs.String("o", "", "write to this file instead of standard output")
	color := fs.Bool("color", false, "colour the text report")
	outletsFile := fs.String("outlets", "", outletsFlag)
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() != 1 {
		return usageError(m, fs, "want one STORY (hint: parallax stories lists them)")
	}
	dir, err := loadOutlets(*outletsFile)
	if err != nil {
		return err
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
		reviews, err := st.Reviews(ctx, id)
		if err != nil {
			return err
		}
		for i := range rep.Stories {
			view.AttachReviews(&rep.Stories[i], reviews)
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
		if err := report.Write(w, f, &rep, report.Options{Articles: arts, Text: report.TextOptions{Color: *color}, Directory: dir}); err != nil {
			return err
		}
		if file != nil {
			return file.Commit()
		}
		return nil
	})
}
