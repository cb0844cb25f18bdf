package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax"
)

// SearchCommand runs a full-text query over the library's articles.
type SearchCommand struct{ Main *Main }

func (c *SearchCommand) Run(ctx context.Context, args []string) error {
	m := c.Main
	fs := flag.NewFlagSet("parallax search", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	db := dbFlag(fs)
	limit := fs.Int("limit", 20, "at most this many results")
	format := fs.String("format", "text", "text or json")
	if err := fs.Parse(reorder(args)); err != nil {
		return errSilent{2}
	}
	q := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(q) == "" {
		fmt.Fprintln(m.Stderr, "usage: parallax search QUERY")
		return errSilent{2}
	}
	return withStore(ctx, *db, func(st parallax.Store) error {
		hits, err := st.Search(ctx, q, *limit)
		if err != nil {
			return err
		}
		if *format == "json" {
			type row struct {
				Article   string `json:"article"`
				Story     string `json:"story,omitempty"`
				Outlet    string `json:"outlet"`
				Title     string `json:"title"`
				URL       string `json:"url,omitempty"`
				Published string `json:"published,omitempty"`
				Snippet   string `json:"snippet"`
			}
			rows := []row{}
			for _, h := range hits {
				r := row{Article: fmt.Sprintf("a%d", h.ID), Outlet: h.Outlet, Title: h.Title, URL: h.URL, Published: day(h.Published), Snippet: h.Snippet}
				if h.StoryID != 0 {
					r.Story = fmt.Sprintf("s%d", h.StoryID)
				}
				rows = append(rows, r)
			}
			enc := json.NewEncoder(m.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(rows)
		}
		if len(hits) == 0 {
			fmt.Fprintf(m.Stdout, "no articles match %q\n", q)
			return nil
		}
		for _, h := range hits {
			story := ""
			if h.StoryID != 0 {
				story = fmt.Sprintf(" · story s%d", h.StoryID)
			}
			fmt.Fprintf(m.Stdout, "a%d · %s · %s%s\n  %s\n  %s\n", h.ID, h.Outlet, day(h.Published), story, h.Title, strings.Join(strings.Fields(h.Snippet), " "))
		}
		return nil
	})
}
