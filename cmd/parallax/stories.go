package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/parallaxnews/parallax"
)

// StoriesCommand lists the library's stories.
type StoriesCommand struct{ Main *Main }

func (c *StoriesCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := newFlags(m, "stories", `Usage: parallax stories [flags]

Lists the library's stories, most recently compared first: their articles,
outlets, conflicts, known publication dates and titles.`)
	db := dbFlag(fs)
	since := fs.String("since", "", "only stories with coverage since this date (2006-01-02) or duration ago (48h)")
	query := fs.String("query", "", "only stories whose articles match this full-text query")
	outlet := fs.String("outlet", "", "only stories this outlet covered")
	limit := fs.Int("limit", 50, "at most this many stories")
	format := fs.String("format", "text", "text or json")
	if done, err := parseFlags(m, fs, args); done {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(m, fs, "unexpected argument %q (filters are flags: --query, --outlet, --since)", fs.Arg(0))
	}
	f := parallax.StoryFilter{Query: *query, Outlet: *outlet, Limit: *limit}
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			return err
		}
		f.Since = t
	}
	if *format != "text" && *format != "json" {
		return usageError(m, fs, "unknown format %q (text or json)", *format)
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		list, err := st.Stories(ctx, f)
		if err != nil {
			return err
		}
		if *format == "json" {
			type row struct {
				ID        string `json:"id"`
				Title     string `json:"title"`
				Articles  int    `json:"articles"`
				Outlets   int    `json:"outlets"`
				Conflicts int    `json:"conflicts"`
				First     string `json:"first,omitempty"`
				Last      string `json:"last,omitempty"`
				Updated   string `json:"updated,omitempty"`
			}
			rows := []row{}
			for _, s := range list {
				rows = append(rows, row{fmt.Sprintf("s%d", s.ID), s.Title, s.Articles, s.Outlets, s.Conflicts,
					day(s.First), day(s.Last), stamp(s.Updated)})
			}
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rows)
		}
		if len(list) == 0 {
			fmt.Fprintln(m.Stdout, "no stories (add coverage with: parallax ingest FILE-OR-URL...)")
			return nil
		}
		w := tabwriter.NewWriter(m.Stdout, 2, 8, 2, ' ', 0)
		fmt.Fprintln(w, "STORY\tARTICLES\tOUTLETS\tCONFLICTS\tDATES\tTITLE")
		for _, s := range list {
			dates := day(s.First)
			if l := day(s.Last); l != dates {
				dates += "…" + l
			}
			title := clip(s.Title, 70)
			if s.Updated.IsZero() && s.Articles == 0 {
				// placed but stopped before its comparison (SIGINT, SIGTERM)
				title = "(not compared yet: the next ingest, watch or worker run compares it)"
			}
			fmt.Fprintf(w, "s%d\t%d\t%d\t%d\t%s\t%s\n", s.ID, s.Articles, s.Outlets, s.Conflicts, dates, title)
		}
		return w.Flush()
	})
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// parseSince reads a date (2006-01-02) or a duration back from now (48h, 7d).
func parseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	if len(s) > 1 && s[len(s)-1] == 'd' {
		var n int
		if _, err := fmt.Sscanf(s, "%dd", &n); err == nil && n >= 0 {
			return now.AddDate(0, 0, -n), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, parallax.Errorf(parallax.EINVALID, "--since %q: want a date like 2025-04-14 or a duration like 48h or 7d", s)
}
